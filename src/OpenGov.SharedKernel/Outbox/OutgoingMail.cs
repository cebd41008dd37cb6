namespace OpenGov.SharedKernel.Outbox;

/// <summary>An already-rendered e-mail to enqueue. <see cref="Category"/> names the event (e.g. "proposal.published")
/// so that user preferences (immediately, digest, none) can apply to it.</summary>
public sealed record OutgoingMail(
    string Category,
    string ToAddress,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    string? RecipientUserId = null,
    string Culture = "fr",
    string? DedupKey = null,
    string? AttachmentName = null,
    string? AttachmentContentType = null,
    string? AttachmentContent = null);
