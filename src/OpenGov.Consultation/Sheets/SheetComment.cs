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
        if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("The comment is empty.", nameof(body));
        if (body.Length > MaxBody) throw new ArgumentException($"A comment has at most {MaxBody} characters.", nameof(body));
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
        if (string.IsNullOrWhiteSpace(reply)) throw new ArgumentException("The reply is empty.", nameof(reply));
        if (reply.Length > MaxBody) throw new ArgumentException($"A reply has at most {MaxBody} characters.", nameof(reply));
        Reply = reply.Trim();
        ReplyByUserId = userId;
        RepliedAt = now;
    }

    /// <summary>Records, at the publication of <paramref name="version"/>, how the comment was handled.</summary>
    public void RecordHandling(CommentHandling handling, string? reason, int version)
    {
        if (Handling != CommentHandling.Open) throw new InvalidOperationException("This comment was already handled.");
        if (handling == CommentHandling.Open) throw new ArgumentException("Choose how the comment was handled.", nameof(handling));
        if (handling == CommentHandling.NotIntegrated && string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("A reason is required when a comment is not integrated.", nameof(reason));
        if (version <= OnVersion) throw new InvalidOperationException("A comment is handled by a later version than the one it commented.");
        Handling = handling;
        HandlingReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        HandledInVersion = version;
    }
}
