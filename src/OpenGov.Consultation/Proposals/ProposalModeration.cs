using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Moderation;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Paging;
using OpenGov.SharedKernel.Search;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Consultation.Proposals;

public enum QueueView { Submitted = 0, Reported = 1, Hidden = 2 }

public sealed record QueueQuery(QueueView View, Guid? CycleId, Guid? AxisId, string? Region, SubmitterType? SubmitterType, string? Cursor);

public sealed record QueueItem(Guid Id, Guid CycleId, string Title, string Problem, string AuthorDisplayName, string? AssociationName,
    SubmitterType SubmitterType, Guid AxisId, string Region, ProposalStatus Status, bool IsHidden, int ReportCount, DateTime? SubmittedAt);

public sealed record ReportedComment(Guid CommentId, Guid ProposalId, string ProposalTitle, string AuthorDisplayName, string Body,
    bool IsHidden, int ReportCount);

/// <summary>
/// Moderators' actions on proposals and comments: publish, reject with a reason, merge duplicates, hide and unhide.
/// Each action is audit-logged, and the search index follows what is public, in the same unit of work.
/// </summary>
public sealed class ProposalModeration(DbContext db, TimeProvider clock, ISearchIndex search, IAuditLog audit, IOutbox outbox,
    IOptions<ConsultationOptions> options, SiteLinks links)
{
    private const int PageSize = 30;

    public async Task<KeysetPage<QueueItem>> QueueAsync(QueueQuery q, CancellationToken ct = default)
    {
        var query = db.Set<Proposal>().AsNoTracking();
        query = q.View switch
        {
            QueueView.Reported => query.Where(p => p.ReportCount > 0 && p.Status == ProposalStatus.Published),
            QueueView.Hidden => query.Where(p => p.IsHidden),
            _ => query.Where(p => p.Status == ProposalStatus.Submitted),
        };
        if (q.CycleId is { } cycleId) query = query.Where(p => p.CycleId == cycleId);
        if (q.AxisId is { } axisId) query = query.Where(p => p.AxisId == axisId);
        if (!string.IsNullOrEmpty(q.Region)) query = query.Where(p => p.Region == q.Region);
        if (q.SubmitterType is { } type) query = query.Where(p => p.SubmitterType == type);
        // Oldest first: the queue is worked in arrival order. Keyset on (UpdatedAt, Id).
        if (KeysetCursor.TryDecodeNumber(q.Cursor, out var key, out var lastId))
        {
            var at = new DateTime(key, DateTimeKind.Utc);
            query = query.Where(p => p.UpdatedAt > at || (p.UpdatedAt == at && p.Id.CompareTo(lastId) > 0));
        }
        var rows = await query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id).Take(PageSize + 1)
            .Select(p => new { Item = new QueueItem(p.Id, p.CycleId, p.Title, p.Problem, p.AuthorDisplayName, p.AssociationName,
                p.SubmitterType, p.AxisId, p.Region, p.Status, p.IsHidden, p.ReportCount, p.SubmittedAt), p.UpdatedAt })
            .ToListAsync(ct);
        var next = rows.Count > PageSize ? KeysetCursor.Encode(rows[PageSize - 1].UpdatedAt.Ticks, rows[PageSize - 1].Item.Id) : null;
        return new KeysetPage<QueueItem>(rows.Take(PageSize).Select(r => r.Item).ToList(), next);
    }

    /// <summary>The moderators' backlog, for the operator's dashboard (the same filters as the queue's views).</summary>
    public async Task<ModerationBacklog> BacklogAsync(CancellationToken ct = default)
    {
        var proposals = db.Set<Proposal>().AsNoTracking();
        return new ModerationBacklog(
            await proposals.CountAsync(p => p.Status == ProposalStatus.Submitted, ct),
            await proposals.CountAsync(p => p.ReportCount > 0 && p.Status == ProposalStatus.Published && !p.IsHidden, ct),
            await db.Set<ProposalComment>().AsNoTracking().CountAsync(c => c.ReportCount > 0 && !c.IsHidden, ct),
            await proposals.CountAsync(p => p.IsHidden, ct));
    }

    public async Task<IReadOnlyList<ReportedComment>> ReportedCommentsAsync(CancellationToken ct = default)
        => await db.Set<ProposalComment>().AsNoTracking().Where(c => c.ReportCount > 0 || c.IsHidden)
            .OrderByDescending(c => c.ReportCount).ThenBy(c => c.Id).Take(100)
            .Join(db.Set<Proposal>(), c => c.ProposalId, p => p.Id,
                (c, p) => new ReportedComment(c.Id, p.Id, p.Title, c.AuthorDisplayName, c.Body, c.IsHidden, c.ReportCount))
            .ToListAsync(ct);

    /// <summary>Records who exported the proposals (CSV or JSON), before the file is streamed.</summary>
    public async Task RecordExportAsync(string moderatorId, Guid? cycleId, string? format, CancellationToken ct = default)
    {
        audit.Record(moderatorId, "proposals.exported", "Proposal", cycleId?.ToString() ?? "*", format);
        await db.SaveChangesAsync(ct);
    }

    public async Task PublishAsync(string moderatorId, Guid id, CancellationToken ct = default)
    {
        var p = await LoadAsync(id, ct);
        p.Publish(Now);
        if (p.IsPublic) await IndexAsync(p, ct);
        audit.Record(moderatorId, "proposal.published", nameof(Proposal), id.ToString());
        outbox.Enqueue(OutgoingMail.FromTemplate("proposal.published", p.AuthorUserId, "ProposalsText:Mail.Published",
            new Dictionary<string, string> { ["title"] = p.Title, ["url"] = links.To(PathOf(id)) }, $"proposal.published:{id}"));
        await db.SaveChangesAsync(ct);
    }

    public async Task RejectAsync(string moderatorId, Guid id, string reason, CancellationToken ct = default)
    {
        var p = await LoadAsync(id, ct);
        p.Reject(reason, Now);
        audit.Record(moderatorId, "proposal.rejected", nameof(Proposal), id.ToString(), reason.Trim());
        outbox.Enqueue(OutgoingMail.FromTemplate("proposal.rejected", p.AuthorUserId, "ProposalsText:Mail.Rejected",
            new Dictionary<string, string> { ["title"] = p.Title, ["reason"] = reason.Trim(), ["url"] = links.To(PathOf(id)) },
            $"proposal.rejected:{id}"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Merges <paramref name="duplicateId"/> into <paramref name="targetId"/>: the duplicate's authors are credited on the target.</summary>
    public async Task MergeAsync(string moderatorId, Guid duplicateId, Guid targetId, CancellationToken ct = default)
    {
        var duplicate = await LoadAsync(duplicateId, ct);
        var target = await LoadAsync(targetId, ct);
        if (target.Status is not (ProposalStatus.Published or ProposalStatus.Submitted) || target.CycleId != duplicate.CycleId)
            throw DomainException.Rule("MergeTarget");
        duplicate.MergeInto(targetId, Now);
        var credited = await db.Set<ProposalCredit>().Where(c => c.ProposalId == targetId).Select(c => c.UserId).ToListAsync(ct);
        var incoming = await db.Set<ProposalCredit>().Where(c => c.ProposalId == duplicateId).ToListAsync(ct);
        foreach (var c in incoming.Where(c => !credited.Contains(c.UserId)))
            db.Add(new ProposalCredit(targetId, c.UserId, c.DisplayName, c.AssociationName, duplicateId, Now));
        await search.RemoveAsync(SearchKinds.Proposal, duplicateId.ToString(), ct);
        audit.Record(moderatorId, "proposal.merged", nameof(Proposal), duplicateId.ToString(), $"into {targetId}");
        await db.SaveChangesAsync(ct);
    }

    public const int CandidateLimit = 20;

    /// <summary>Ideas of the duplicate's cycle it may be merged into (submitted or published, not itself), whose title contains the query.</summary>
    public async Task<IReadOnlyList<MergeCandidate>> MergeCandidatesAsync(Guid duplicateId, string? query, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var cycleId = await db.Set<Proposal>().Where(p => p.Id == duplicateId).Select(p => (Guid?)p.CycleId).FirstOrDefaultAsync(ct);
        if (cycleId is null) return [];
        var q = query.Trim().ToLower();
        return await Targets(duplicateId, cycleId.Value).Where(p => p.Title.ToLower().Contains(q))
            .OrderBy(p => p.Title).ThenBy(p => p.Id).Take(CandidateLimit)
            .Select(p => new MergeCandidate(p.Id, p.Title)).ToListAsync(ct);
    }

    /// <summary>
    /// Merges a duplicate into the idea the picker named: an id (alone or ending the picker's "title — id" text), or
    /// else a title matching exactly one candidate (ignoring case). Anything else is refused with <c>MergeTarget</c>.
    /// </summary>
    public async Task MergeIntoNamedAsync(string moderatorId, Guid duplicateId, string? target, CancellationToken ct = default)
    {
        var text = (target ?? "").Trim();
        if (text.Length == 0) throw DomainException.Rule("MergeTarget");
        var lastWord = text[(text.LastIndexOf(' ') + 1)..];
        if (Guid.TryParse(lastWord, out var id)) { await MergeAsync(moderatorId, duplicateId, id, ct); return; }
        var cycleId = await db.Set<Proposal>().Where(p => p.Id == duplicateId).Select(p => (Guid?)p.CycleId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("NotFound");
        var title = text.ToLower();
        var matches = await Targets(duplicateId, cycleId).Where(p => p.Title.ToLower() == title).Select(p => p.Id).Take(2).ToListAsync(ct);
        if (matches.Count != 1) throw DomainException.Rule("MergeTarget");
        await MergeAsync(moderatorId, duplicateId, matches[0], ct);
    }

    private IQueryable<Proposal> Targets(Guid duplicateId, Guid cycleId) => db.Set<Proposal>().AsNoTracking()
        .Where(p => p.CycleId == cycleId && p.Id != duplicateId && (p.Status == ProposalStatus.Published || p.Status == ProposalStatus.Submitted));

    public async Task SetProposalHiddenAsync(string moderatorId, Guid id, bool hidden, CancellationToken ct = default)
    {
        var p = await LoadAsync(id, ct);
        if (hidden) p.Hide(); else p.Unhide();
        if (p.IsPublic) await IndexAsync(p, ct);
        else await search.RemoveAsync(SearchKinds.Proposal, id.ToString(), ct);
        await MarkReportsReviewedAsync(ReportTarget.Proposal, id, ct);
        audit.Record(moderatorId, hidden ? "proposal.hidden" : "proposal.unhidden", nameof(Proposal), id.ToString());
        await db.SaveChangesAsync(ct);
    }

    public async Task SetCommentHiddenAsync(string moderatorId, Guid commentId, bool hidden, CancellationToken ct = default)
    {
        var c = await db.Set<ProposalComment>().FirstOrDefaultAsync(x => x.Id == commentId, ct)
            ?? throw DomainException.NotFound("NotFound");
        if (hidden) c.Hide(); else c.Unhide();
        await MarkReportsReviewedAsync(ReportTarget.Comment, commentId, ct);
        audit.Record(moderatorId, hidden ? "comment.hidden" : "comment.unhidden", nameof(ProposalComment), commentId.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The author of a proposal or of a proposal comment (the moderators' "block the author"), or null.</summary>
    public async Task<string?> AuthorOfAsync(Guid? proposalId, Guid? commentId, CancellationToken ct = default)
        => proposalId is { } pid ? await db.Set<Proposal>().Where(p => p.Id == pid).Select(p => p.AuthorUserId).FirstOrDefaultAsync(ct)
            : commentId is { } cid ? await db.Set<ProposalComment>().Where(c => c.Id == cid).Select(c => c.AuthorUserId).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>Called by <see cref="ProposalEngagement"/> when a report reaches the threshold.</summary>
    internal int HideThreshold => ReportCounter.Threshold(options.Value.ReportsBeforeHiding);

    private async Task MarkReportsReviewedAsync(ReportTarget target, Guid id, CancellationToken ct)
    {
        foreach (var r in await db.Set<ContentReport>().Where(r => r.Target == target && r.TargetId == id && r.ReviewedAt == null).ToListAsync(ct))
            r.MarkReviewed(Now);
    }

    private Task IndexAsync(Proposal p, CancellationToken ct) => ProposalSearch.IndexAsync(search, p, ct);

    private async Task<Proposal> LoadAsync(Guid id, CancellationToken ct)
        => await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("NotFound");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal static string PathOf(Guid id) => $"/proposals/{id}";
}

internal static class ProposalSearch
{
    public static Task IndexAsync(ISearchIndex search, Proposal p, CancellationToken ct)
        => search.UpsertAsync(SearchKinds.Proposal, p.Id.ToString(), p.Title,
            string.Join("\n", p.Problem, p.Solution, p.ExpectedImpact, p.AssociationName ?? ""), $"/proposals/{p.Id}", ct);
}

