using OpenGov.Consultation.Proposals;

namespace OpenGov.Consultation.Feedback;

public sealed record FeedbackRow(Guid ProposalId, string Title, string AuthorDisplayName, SubmitterType SubmitterType, Guid AxisId,
    string Region, DateTime PublishedAt, Guid? ResponseId, ResponseState? State, Guid? SheetId, string? Justification,
    bool IsPublished, DateTime? ResponsePublishedAt);
