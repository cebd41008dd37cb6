using OpenGov.SharedKernel.Errors;

namespace OpenGov.SharedKernel.Text;

/// <summary>The one rule for an e-mail address typed into an entity (a focal point, a decision's owner): one bare address,
/// as <see cref="System.Net.Mail.MailAddress"/> reads it back unchanged (no display name, no line break), at most 320 characters.</summary>
public static class EmailAddressText
{
    public const int MaxLength = 320;

    public static bool IsValid(string value)
        => value.Length <= MaxLength && System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value;

    /// <summary>Null for blank input, else the trimmed address, or the refusal "ValidEMailAddressRequired".</summary>
    public static string? TrimOrNull(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var e = value.Trim();
        return IsValid(e) ? e : throw DomainException.Rule("ValidEMailAddressRequired");
    }
}
