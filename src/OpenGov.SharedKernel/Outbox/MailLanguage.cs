using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Text;

namespace OpenGov.SharedKernel.Outbox;

/// <summary>
/// The language chosen for a bare address (a decision's owner, a commitment's focal point without an account): one of the
/// site's languages, French when none is given. An account's own language always wins over it (<see cref="MailRecipient"/>).
/// </summary>
public static class MailLanguage
{
    public const string Default = LocalizedText.French;
    public const int MaxLength = 10;
    public static IReadOnlyList<string> All => LocalizedText.Languages;

    /// <summary>French for blank input, else the language, or the refusal "MailLanguageNotOffered".</summary>
    public static string Checked(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture)) return Default;
        var c = culture.Trim();
        return All.Contains(c) ? c : throw DomainException.Rule("MailLanguageNotOffered");
    }
}
