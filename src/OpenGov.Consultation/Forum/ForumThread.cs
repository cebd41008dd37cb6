using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Moderation;

namespace OpenGov.Consultation.Forum;

public enum ForumTarget { Thread = 0, Reply = 1 }

/// <summary>
/// A forum thread in a category (a cycle axis code). The reply count and last activity are kept on the row so that
/// thread lists paginate by keyset without counting. A locked thread takes no more replies; a hidden one is withdrawn from the public.
/// </summary>
public sealed class ForumThread
{
    private ForumThread() { }

    public ForumThread(Guid id, string category, string title, string bodyMarkdown, string authorUserId, string authorName, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(bodyMarkdown);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorUserId);
        Id = id;
        Category = category;
        Title = SingleLineText.Trim(title, "Title");
        BodyMarkdown = bodyMarkdown.Trim();
        AuthorUserId = authorUserId;
        AuthorName = string.IsNullOrWhiteSpace(authorName) ? "?" : authorName.Trim();
        CreatedAt = now;
        LastActivityAt = now;
    }

    public Guid Id { get; private set; }
    public string Category { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string BodyMarkdown { get; private set; } = "";
    public string AuthorUserId { get; private set; } = "";
    /// <summary>The author's public display name when they posted (users are referenced by id across modules).</summary>
    public string AuthorName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime LastActivityAt { get; private set; }
    public int ReplyCount { get; private set; }
    /// <summary>The sequence number of the last reply; replies are numbered 1, 2, 3... for stable keyset paging.</summary>
    public int LastReplyNumber { get; private set; }
    public int ReportCount { get; private set; }
    public bool IsLocked { get; private set; }
    public bool IsHidden { get; private set; }

    public ForumReply Reply(string bodyMarkdown, string authorUserId, string authorName, DateTime now)
    {
        if (IsLocked) throw DomainException.Rule("ThreadLocked");
        if (IsHidden) throw DomainException.Rule("ThreadHidden");
        LastReplyNumber++;
        ReplyCount++;
        LastActivityAt = now;
        return new ForumReply(Guid.NewGuid(), Id, LastReplyNumber, bodyMarkdown, authorUserId, authorName, now);
    }

    public void Lock() => IsLocked = true;
    public void Unlock() => IsLocked = false;
    public void Hide() => IsHidden = true;
    public void Unhide() => (ReportCount, IsHidden) = ReportCounter.Unhidden;

    /// <summary>Counts a report; returns true when this report hid the thread.</summary>
    internal bool RegisterReport(int hideThreshold)
    {
        (ReportCount, IsHidden) = new ReportCounter(ReportCount, IsHidden).Add(hideThreshold, out var hidNow);
        return hidNow;
    }
    internal void ReplyHidden() => ReplyCount = Math.Max(0, ReplyCount - 1);
    internal void ReplyShown() => ReplyCount++;
}

public sealed class ForumReply
{
    private ForumReply() { }

    internal ForumReply(Guid id, Guid threadId, int number, string bodyMarkdown, string authorUserId, string authorName, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bodyMarkdown);
        Id = id;
        ThreadId = threadId;
        Number = number;
        BodyMarkdown = bodyMarkdown.Trim();
        AuthorUserId = authorUserId;
        AuthorName = string.IsNullOrWhiteSpace(authorName) ? "?" : authorName.Trim();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ThreadId { get; private set; }
    public int Number { get; private set; }
    public string BodyMarkdown { get; private set; } = "";
    public string AuthorUserId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int ReportCount { get; private set; }
    public bool IsHidden { get; private set; }

    public void Hide(ForumThread thread)
    {
        if (IsHidden) return;
        IsHidden = true;
        thread.ReplyHidden();
    }

    public void Unhide(ForumThread thread)
    {
        if (!IsHidden) return;
        (ReportCount, IsHidden) = ReportCounter.Unhidden;
        thread.ReplyShown();
    }

    /// <summary>Counts a report; returns true when this report hid the reply (the thread's visible count follows).</summary>
    internal bool RegisterReport(ForumThread thread, int hideThreshold)
    {
        (ReportCount, _) = new ReportCounter(ReportCount, IsHidden).Add(hideThreshold, out var hidNow);
        if (hidNow) Hide(thread);
        return hidNow;
    }
}

/// <summary>One report per user and target: the unique index makes a second report a no-op.</summary>
public sealed class ForumReport
{
    private ForumReport() { }

    public ForumReport(Guid id, ForumTarget targetType, Guid targetId, string userId, string? reason, DateTime now)
    {
        Id = id;
        TargetType = targetType;
        TargetId = targetId;
        UserId = userId;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public ForumTarget TargetType { get; private set; }
    public Guid TargetId { get; private set; }
    public string UserId { get; private set; } = "";
    public string? Reason { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

public sealed class ForumSubscription
{
    private ForumSubscription() { }

    public ForumSubscription(Guid threadId, string userId, DateTime now)
    {
        ThreadId = threadId;
        UserId = userId;
        CreatedAt = now;
    }

    public Guid ThreadId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
