using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OpenGov.Web.Infrastructure.Notifications;

/// <summary>
/// The token in every notification's unsubscribe link: the user id and the category group, protected by Data Protection
/// (keys shared by every instance through the database), so the link works without signing in and cannot be forged.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OpenGov.Notifications.Unsubscribe.v1");

    public string Create(string userId, string group) => _protector.Protect(userId + "\n" + group);

    public bool TryRead(string? token, out string userId, out string group)
    {
        userId = group = "";
        if (string.IsNullOrWhiteSpace(token)) return false;
        try
        {
            var parts = _protector.Unprotect(token).Split('\n');
            if (parts.Length != 2 || !NotificationGroups.All.Contains(parts[1])) return false;
            (userId, group) = (parts[0], parts[1]);
            return true;
        }
        catch (CryptographicException) { return false; }
        catch (FormatException) { return false; }
    }
}
