namespace OpenGov.SharedKernel.Outbox;

/// <summary>
/// An e-mail to enqueue. <see cref="Category"/> names the event (e.g. "proposal.published") so that the recipient's
/// preferences (immediately, daily digest, none) apply to it.
/// Two ways to address and write it:
/// <list type="bullet">
/// <item>To a user, rendered at delivery in the user's language (preferred for notifications; modules only know user ids):
/// <see cref="FromTemplate"/> with a template "ResourceName:Key" (e.g. "ProposalsText:Mail.Published"), whose strings
/// "Key.Subject" and "Key.Body" in that resource are formatted with <see cref="Values"/> ({title}, {url}...).</item>
/// <item>Already rendered, to an address: <see cref="ToAddress"/>, <see cref="Subject"/>, <see cref="TextBody"/>.</item>
/// </list>
/// </summary>
public sealed record OutgoingMail(
    string Category,
    string? ToAddress,
    string? Subject,
    string? TextBody,
    string? HtmlBody = null,
    string? RecipientUserId = null,
    string Culture = "fr",
    string? DedupKey = null,
    string? AttachmentName = null,
    string? AttachmentContentType = null,
    string? AttachmentContent = null,
    string? Template = null,
    IReadOnlyDictionary<string, string>? Values = null)
{
    /// <summary>A notification to a user, rendered at delivery in the user's preferred language.</summary>
    public static OutgoingMail FromTemplate(string category, string recipientUserId, string template,
        IReadOnlyDictionary<string, string> values, string? dedupKey = null)
        => new(category, null, null, null, RecipientUserId: recipientUserId, DedupKey: dedupKey, Template: template, Values: values);

    /// <summary>A templated mail to an address with no account (e.g. an event registration by e-mail).</summary>
    public static OutgoingMail FromTemplateToAddress(string category, string toAddress, string culture, string template,
        IReadOnlyDictionary<string, string> values, string? dedupKey = null)
        => new(category, toAddress, null, null, Culture: culture, DedupKey: dedupKey, Template: template, Values: values);
}
