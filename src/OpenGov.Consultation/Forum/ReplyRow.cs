
namespace OpenGov.Consultation.Forum;

public sealed record ReplyRow(Guid Id, int Number, string BodyMarkdown, string AuthorName, DateTime CreatedAt, int ReportCount, bool IsHidden);
