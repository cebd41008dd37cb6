
namespace OpenGov.Consultation.Forum;

public sealed record ThreadView(Guid Id, string Category, string Title, string BodyMarkdown, string AuthorUserId, string AuthorName,
    DateTime CreatedAt, int ReplyCount, int ReportCount, bool IsLocked, bool IsHidden);
