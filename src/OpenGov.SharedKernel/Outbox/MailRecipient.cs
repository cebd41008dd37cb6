using System.Security.Cryptography;
using System.Text;

namespace OpenGov.SharedKernel.Outbox;

/// <summary>
/// Someone to mail who may or may not have an account: an account (rendered at delivery in the user's language, to the
/// account's current address, under their notification preferences) or a bare address (rendered in the language chosen
/// with it, <see cref="MailLanguage"/>, French by default). Used for commitment focal points and decision owners.
/// </summary>
public record MailRecipient(string? UserId, string? Address, string Culture = MailLanguage.Default)
{
    /// <summary>Identifies the recipient once across items (addresses compare ignoring case).</summary>
    public string Key => UserId is not null ? UserId : "address:" + Convert.ToHexString(
        SHA256.HashData(Encoding.UTF8.GetBytes(Address!.ToLowerInvariant())))[..32].ToLowerInvariant();

    public OutgoingMail Mail(string category, string template, IReadOnlyDictionary<string, string> values, string? dedupKey = null)
        => UserId is not null
            ? OutgoingMail.FromTemplate(category, UserId, template, values, dedupKey)
            : OutgoingMail.FromTemplateToAddress(category, Address!, Culture, template, values, dedupKey);
}
