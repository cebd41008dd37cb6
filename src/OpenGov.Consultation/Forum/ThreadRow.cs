
namespace OpenGov.Consultation.Forum;

public sealed record ThreadRow(Guid Id, string Category, string Title, string AuthorName, DateTime CreatedAt, DateTime LastActivityAt,
    int ReplyCount, bool IsLocked, bool IsHidden);
