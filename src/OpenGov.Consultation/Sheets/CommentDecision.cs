
namespace OpenGov.Consultation.Sheets;

public sealed record CommentDecision(Guid CommentId, CommentHandling Handling, string? Reason);
