using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Moderation;

namespace OpenGov.Consultation.Proposals;

/// <summary>One signed-in user's support of a proposal. A unique index on (ProposalId, UserId) makes "one support per user"
/// hold under parallel requests; <see cref="Proposal.SupportCount"/> is incremented in the same unit of work.</summary>
public sealed class ProposalSupport
{
    private ProposalSupport() { }

    public ProposalSupport(Guid proposalId, string userId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Id = Guid.NewGuid();
        ProposalId = proposalId;
        UserId = userId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProposalId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}

/// <summary>A person credited on a proposal: its author, and the authors of duplicates merged into it.</summary>
public sealed class ProposalCredit
{
    private ProposalCredit() { }

    public ProposalCredit(Guid proposalId, string userId, string displayName, string? associationName, Guid? fromProposalId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Id = Guid.NewGuid();
        ProposalId = proposalId;
        UserId = userId;
        DisplayName = displayName;
        AssociationName = associationName;
        FromProposalId = fromProposalId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProposalId { get; private set; }
    public string UserId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string? AssociationName { get; private set; }
    /// <summary>The duplicate this credit came from, when merged.</summary>
    public Guid? FromProposalId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

/// <summary>A comment on a proposal; replies go one level deep (a reply's parent is always a top-level comment).</summary>
public sealed class ProposalComment
{
    public const int MaxLength = 4000;

    private ProposalComment() { }

    public ProposalComment(Guid proposalId, ProposalComment? parent, string authorUserId, string authorDisplayName, string body, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorUserId);
        if (string.IsNullOrWhiteSpace(body)) throw DomainException.Rule("CommentCannotEmpty");
        if (body.Length > MaxLength) throw DomainException.Rule("CommentTooLong");
        if (parent is not null)
        {
            if (parent.ProposalId != proposalId) throw DomainException.Rule("ReplyBelongsAnotherProposal");
            if (parent.ParentId is not null) throw DomainException.Rule("RepliesGoOneLevelDeep");
            parent.ReplyCount++;
        }
        Id = Guid.NewGuid();
        ProposalId = proposalId;
        ParentId = parent?.Id;
        AuthorUserId = authorUserId;
        AuthorDisplayName = authorDisplayName;
        Body = body.Trim();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProposalId { get; private set; }
    public Guid? ParentId { get; private set; }
    public string AuthorUserId { get; private set; } = "";
    public string AuthorDisplayName { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public bool IsHidden { get; private set; }
    public int ReportCount { get; private set; }
    public int ReplyCount { get; private set; }

    public void Hide() => IsHidden = true;

    public void Unhide() => (ReportCount, IsHidden) = ReportCounter.Unhidden;

    /// <summary>Counts a report; returns true when this report hid the comment.</summary>
    public bool RegisterReport(int hideThreshold)
    {
        (ReportCount, IsHidden) = new ReportCounter(ReportCount, IsHidden).Add(hideThreshold, out var hidNow);
        return hidNow;
    }
}

public enum ReportTarget { Proposal = 0, Comment = 1 }

public enum ReportReason { Spam = 0, Offensive = 1, OffTopic = 2 }

/// <summary>A user's report of a published proposal or a comment; one per user and content (unique index).</summary>
public sealed class ContentReport
{
    private ContentReport() { }

    public ContentReport(ReportTarget target, Guid targetId, Guid proposalId, string reporterUserId, ReportReason reason, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reporterUserId);
        if (!Enum.IsDefined(reason)) throw DomainException.Rule("UnknownReason");
        Id = Guid.NewGuid();
        Target = target;
        TargetId = targetId;
        ProposalId = proposalId;
        ReporterUserId = reporterUserId;
        Reason = reason;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public ReportTarget Target { get; private set; }
    public Guid TargetId { get; private set; }
    /// <summary>The proposal concerned (itself, or the comment's), for the moderators' links.</summary>
    public Guid ProposalId { get; private set; }
    public string ReporterUserId { get; private set; } = "";
    public ReportReason Reason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReviewedAt { get; private set; }

    public void MarkReviewed(DateTime now) => ReviewedAt ??= now;
}
