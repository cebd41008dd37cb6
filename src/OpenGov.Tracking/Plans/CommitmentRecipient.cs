using System.Security.Cryptography;
using System.Text;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Tracking.Plans;

/// <summary>
/// Someone to mail about a commitment: an account (rendered in the user's language, under their notification preferences)
/// or, for a focal point without an account, a bare address (rendered in French, the plan's working language).
/// </summary>
public sealed record CommitmentRecipient(string? UserId, string? Address)
{
    /// <summary>Identifies the recipient once across commitments (addresses compare ignoring case).</summary>
    public string Key => UserId is not null ? UserId : "address:" + Convert.ToHexString(
        SHA256.HashData(Encoding.UTF8.GetBytes(Address!.ToLowerInvariant())))[..32].ToLowerInvariant();

    public OutgoingMail Mail(string category, string template, IReadOnlyDictionary<string, string> values, string? dedupKey = null)
        => UserId is not null
            ? OutgoingMail.FromTemplate(category, UserId, template, values, dedupKey)
            : OutgoingMail.FromTemplateToAddress(category, Address!, "fr", template, values, dedupKey);
}
