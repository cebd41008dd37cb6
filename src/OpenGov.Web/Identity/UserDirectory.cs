using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace OpenGov.Web.Identity;

/// <summary>Names and addresses of users by id, for pages that show module data (which only holds user ids). Reads the
/// Identity store through <see cref="UserManager{TUser}"/>, one query for a whole page.</summary>
public sealed class UserDirectory(UserManager<AppUser> users)
{
    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IEnumerable<string?> ids, CancellationToken ct = default)
    {
        var wanted = Distinct(ids);
        if (wanted.Count == 0) return new Dictionary<string, string>();
        return await users.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>E-mail by user id (null when the user has none); ids without a user are absent.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> EmailsAsync(IEnumerable<string?> ids, CancellationToken ct = default)
    {
        var wanted = Distinct(ids);
        if (wanted.Count == 0) return new Dictionary<string, string?>();
        return await users.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
    }

    private static List<string> Distinct(IEnumerable<string?> ids) => ids.OfType<string>().Distinct().ToList();
}
