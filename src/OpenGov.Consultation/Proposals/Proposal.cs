using OpenGov.SharedKernel.Text;
using System.Linq.Expressions;
using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Moderation;

namespace OpenGov.Consultation.Proposals;

public enum SubmitterType { Citizen = 0, Association = 1, Administration = 2 }

public enum ProposalStatus
{
    Draft = 0,
    /// <summary>Submitted, waiting for a moderator (pre-moderation).</summary>
    Submitted = 1,
    Published = 2,
    Rejected = 3,
    Withdrawn = 4,
    /// <summary>Merged into another proposal as a duplicate; both authors are credited there.</summary>
    Merged = 5,
}

/// <summary>
/// An idea submitted to a co-creation cycle. State changes go through methods that guard the workflow:
/// draft → submitted → published | rejected; withdrawn by the author; merged by a moderator.
/// Counts are kept on the row so that lists of 100,000 proposals never count child rows.
/// </summary>
public sealed class Proposal
{
    private Proposal() { }

    public Proposal(Guid id, Guid cycleId, string authorUserId, string authorDisplayName, SubmitterType submitterType,
        Guid? associationId, string? associationName, ProposalContent content, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorUserId);
        if (submitterType == SubmitterType.Association && associationId is null)
            throw DomainException.Rule("AssociationProposalNeedsAssociation");
        Id = id;
        CycleId = cycleId;
        AuthorUserId = authorUserId;
        AuthorDisplayName = authorDisplayName;
        SubmitterType = submitterType;
        AssociationId = submitterType == SubmitterType.Association ? associationId : null;
        AssociationName = submitterType == SubmitterType.Association ? associationName : null;
        CreatedAt = now;
        UpdatedAt = now;
        Status = ProposalStatus.Draft;
        Apply(content);
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public string AuthorUserId { get; private set; } = "";
    /// <summary>The author's public display name at submission time (never the e-mail).</summary>
    public string AuthorDisplayName { get; private set; } = "";
    public SubmitterType SubmitterType { get; private set; }
    public Guid? AssociationId { get; private set; }
    public string? AssociationName { get; private set; }
    /// <summary>The regional workshop the idea came from, entered by its facilitator (null: submitted online).</summary>
    public Guid? WorkshopId { get; private set; }
    public string? WorkshopTitle { get; private set; }

    public string Title { get; private set; } = "";
    public string Problem { get; private set; } = "";
    public string Solution { get; private set; } = "";
    public Guid AxisId { get; private set; }
    public string Region { get; private set; } = SharedKernel.Regions.National;
    public string ExpectedImpact { get; private set; } = "";

    public ProposalStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public Guid? MergedIntoId { get; private set; }

    /// <summary>Hidden by a moderator or automatically after too many reports, pending review.</summary>
    public bool IsHidden { get; private set; }
    public int ReportCount { get; private set; }
    public int SupportCount { get; private set; }
    public int CommentCount { get; private set; }

    /// <summary>The one "public" rule of proposals: published and not hidden. Queries use it through
    /// <see cref="ProposalFilters.WherePublic"/>; in memory through <see cref="IsPublic"/>.</summary>
    public static readonly Expression<Func<Proposal, bool>> Public = p => p.Status == ProposalStatus.Published && !p.IsHidden;

    private static readonly Func<Proposal, bool> IsPublicRule = Public.Compile();

    public bool IsPublic => IsPublicRule(this);

    /// <summary>An idea collected at a workshop, entered by its facilitator: credited to the workshop and sent straight to
    /// moderation like any submitted idea.</summary>
    public static Proposal FromWorkshop(Guid id, Guid cycleId, Guid workshopId, string workshopTitle, string facilitatorUserId,
        ProposalContent content, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workshopTitle);
        var p = new Proposal(id, cycleId, facilitatorUserId, workshopTitle, SubmitterType.Citizen, null, null, content, now)
        {
            WorkshopId = workshopId,
            WorkshopTitle = workshopTitle,
        };
        p.Submit(now);
        return p;
    }

    public bool IsFromWorkshop => WorkshopId is not null;

    public void Edit(ProposalContent content, string userId, DateTime now)
    {
        if (userId != AuthorUserId) throw DomainException.Forbidden("AuthorEditProposal");
        if (Status is not (ProposalStatus.Draft or ProposalStatus.Submitted))
            throw DomainException.Rule("ProposalEditedUntilPublished");
        Apply(content);
        UpdatedAt = now;
    }

    public void Submit(DateTime now)
    {
        if (Status != ProposalStatus.Draft) throw DomainException.Rule("DraftSubmitted");
        Status = ProposalStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    public void Publish(DateTime now)
    {
        if (Status != ProposalStatus.Submitted) throw DomainException.Rule("SubmittedProposalPublished");
        Status = ProposalStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    public void Reject(string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw DomainException.Rule("ReasonRequired");
        if (Status != ProposalStatus.Submitted) throw DomainException.Rule("SubmittedProposalRejected");
        Status = ProposalStatus.Rejected;
        RejectionReason = reason.Trim();
        UpdatedAt = now;
    }

    public void Withdraw(string userId, string reason, DateTime now)
    {
        if (userId != AuthorUserId) throw DomainException.Forbidden("AuthorWithdrawProposal");
        if (string.IsNullOrWhiteSpace(reason)) throw DomainException.Rule("ReasonRequired");
        if (Status is ProposalStatus.Withdrawn or ProposalStatus.Merged or ProposalStatus.Rejected)
            throw DomainException.Rule("ProposalNoLongerWithdrawn");
        Status = ProposalStatus.Withdrawn;
        WithdrawalReason = reason.Trim();
        UpdatedAt = now;
    }

    public void MergeInto(Guid targetId, DateTime now)
    {
        if (targetId == Id) throw DomainException.Rule("ProposalCannotMergedIntoItself");
        if (Status is not (ProposalStatus.Submitted or ProposalStatus.Published))
            throw DomainException.Rule("SubmittedPublishedProposalMerged");
        Status = ProposalStatus.Merged;
        MergedIntoId = targetId;
        UpdatedAt = now;
    }

    public void Hide() => IsHidden = true;

    public void Unhide() => (ReportCount, IsHidden) = ReportCounter.Unhidden;

    /// <summary>Counts a report; returns true when this report hid the proposal.</summary>
    public bool RegisterReport(int hideThreshold)
    {
        (ReportCount, IsHidden) = new ReportCounter(ReportCount, IsHidden).Add(hideThreshold, out var hidNow);
        return hidNow;
    }

    /// <summary>Checks that <paramref name="userId"/> may support this proposal and returns the support to add.
    /// <paramref name="alreadySupported"/> comes from the store; the unique index settles parallel requests.</summary>
    public ProposalSupport Support(string userId, bool alreadySupported, DateTime now)
    {
        if (!IsPublic) throw DomainException.Rule("PublishedProposalSupported");
        if (alreadySupported) throw DomainException.Rule("YouAlreadySupportProposal");
        return new ProposalSupport(Id, userId, now);
    }

    public void SupportAdded() => SupportCount++;
    public void CommentAdded() => CommentCount++;
    public void CommentRemoved() => CommentCount = Math.Max(0, CommentCount - 1);

    private void Apply(ProposalContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentException.ThrowIfNullOrWhiteSpace(c.Title);
        if (!SharedKernel.Regions.IsValid(c.Region)) throw DomainException.Rule("UnknownRegion");
        Title = SingleLineText.Trim(c.Title, "Title");
        Problem = c.Problem?.Trim() ?? "";
        Solution = c.Solution?.Trim() ?? "";
        AxisId = c.AxisId;
        Region = c.Region;
        ExpectedImpact = c.ExpectedImpact?.Trim() ?? "";
    }
}

public sealed record ProposalContent(string Title, string Problem, string Solution, Guid AxisId, string Region, string ExpectedImpact);

public static class ProposalFilters
{
    /// <summary>Only what anyone may see (lists, search, API, reports, figures): <see cref="Proposal.Public"/>.</summary>
    public static IQueryable<Proposal> WherePublic(this IQueryable<Proposal> proposals) => proposals.Where(Proposal.Public);
}
