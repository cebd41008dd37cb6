using OpenGov.SharedKernel.Errors;
namespace OpenGov.Consultation.Sheets;

public enum CommentHandling { Open = 0, Integrated = 1, PartlyIntegrated = 2, NotIntegrated = 3 }

/// <summary>
/// A comment on one section of a published sheet, by an individual or on behalf of an association. The lead agency
/// answers it officially, then records at the next revision how it was handled: that forms the public comment trail.
/// </summary>
public sealed class SheetComment
{
    public const int MaxBody = 4000;

    private SheetComment() { }

    public SheetComment(Guid id, Guid sheetId, string sectionKey, int onVersion, string authorUserId, string authorName,
        Guid? associationId, string? associationName, string body, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorUserId);
        if (string.IsNullOrWhiteSpace(body)) throw DomainException.Rule("CommentEmpty");
        if (body.Length > MaxBody) throw DomainException.Rule("CommentHasMostCharacters", MaxBody);
        Id = id;
        SheetId = sheetId;
        SectionKey = sectionKey;
        OnVersion = onVersion;
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        AssociationId = associationId;
        AssociationName = associationId is null ? null : associationName;
        Body = body.Trim();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SheetId { get; private set; }
    public string SectionKey { get; private set; } = "";
    /// <summary>The version the commenter read.</summary>
    public int OnVersion { get; private set; }
    public string AuthorUserId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public Guid? AssociationId { get; private set; }
    public string? AssociationName { get; private set; }
    public string Body { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public string? Reply { get; private set; }
    public string? ReplyByUserId { get; private set; }
    public DateTime? RepliedAt { get; private set; }

    public CommentHandling Handling { get; private set; }
    public string? HandlingReason { get; private set; }
    /// <summary>The version whose publication recorded the handling (the version that integrated it, if integrated).</summary>
    public int? HandledInVersion { get; private set; }

    public void AddReply(string reply, string userId, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reply)) throw DomainException.Rule("ReplyEmpty");
        if (reply.Length > MaxBody) throw DomainException.Rule("ReplyHasMostCharacters", MaxBody);
        Reply = reply.Trim();
        ReplyByUserId = userId;
        RepliedAt = now;
    }

    /// <summary>Records, at the publication of <paramref name="version"/>, how the comment was handled.</summary>
    public void RecordHandling(CommentHandling handling, string? reason, int version)
    {
        if (Handling != CommentHandling.Open) throw DomainException.Rule("CommentWasAlreadyHandled");
        if (handling == CommentHandling.Open) throw DomainException.Rule("ChooseHowCommentWasHandled");
        if (handling == CommentHandling.NotIntegrated && string.IsNullOrWhiteSpace(reason))
            throw DomainException.Rule("ReasonRequiredWhenCommentNotIntegrated");
        if (version <= OnVersion) throw DomainException.Rule("CommentHandledLaterVersionThanOneCommented");
        Handling = handling;
        HandlingReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        HandledInVersion = version;
    }
}
