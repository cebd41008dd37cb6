using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Moderation;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Search;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Consultation.Proposals;

/// <summary>What signed-in participants do on a published proposal: support it once, comment and reply, report abuse once.
/// Counters on the proposal row move by SQL increments in the same transaction as the child row, so parallel requests
/// never lose an update, and a unique index refuses a second support or report from the same user.</summary>
public sealed class ProposalEngagement(DbContext db, TimeProvider clock, IOutbox outbox, IAuditLog audit, ISearchIndex search,
    IOptions<ConsultationOptions> options, SiteLinks links)
{
    /// <summary>Returns false when the user already supports the proposal (also when a parallel request won the race).</summary>
    public async Task<bool> SupportAsync(string userId, Guid proposalId, CancellationToken ct = default)
    {
        var proposal = await db.Set<Proposal>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId, ct)
            ?? throw DomainException.NotFound("NotFound");
        var already = await db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == proposalId && s.UserId == userId, ct);
        if (already) return false;
        var support = proposal.Support(userId, already, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(support);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (ProposalId, UserId) refused a parallel duplicate.
            db.Entry(support).State = EntityState.Detached;
            await tx.RollbackAsync(ct);
            return false;
        }
        await db.Set<Proposal>().Where(p => p.Id == proposalId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SupportCount, p => p.SupportCount + 1), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<Guid> CommentAsync(Actor actor, Guid proposalId, Guid? parentId, string body, CancellationToken ct = default)
    {
        var proposal = await db.Set<Proposal>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId, ct)
            ?? throw DomainException.NotFound("NotFound");
        if (!proposal.IsPublic) throw DomainException.Rule("NotPublic");
        ProposalComment? parent = null;
        if (parentId is { } pid)
            // Untracked: the reply count is incremented in SQL below, not by saving the constructor's in-memory "+1" too.
            parent = await db.Set<ProposalComment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == pid && c.ProposalId == proposalId, ct)
                ?? throw DomainException.NotFound("NotFound");
        var comment = new ProposalComment(proposalId, parent, actor.UserId, actor.DisplayName, body, clock.GetUtcNow().UtcDateTime);
        db.Add(comment);
        if (parent is not null && parent.AuthorUserId != actor.UserId)
            outbox.Enqueue(OutgoingMail.FromTemplate("comment.reply", parent.AuthorUserId, "ProposalsText:Mail.Reply",
                new Dictionary<string, string>
                {
                    ["title"] = proposal.Title,
                    ["author"] = actor.DisplayName,
                    ["url"] = links.To(ProposalModeration.PathOf(proposalId) + "#c-" + parent.Id),
                }, $"comment.reply:{comment.Id}"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.Set<Proposal>().Where(p => p.Id == proposalId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount + 1), ct);
        if (parent is not null)
            await db.Set<ProposalComment>().Where(c => c.Id == parent.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplyCount, c => c.ReplyCount + 1), ct);
        await tx.CommitAsync(ct);
        return comment.Id;
    }

    /// <summary>Reports a published proposal or a visible comment once per user. Returns false when already reported.
    /// After <see cref="ConsultationOptions.ReportsBeforeHiding"/> reports the content is hidden pending review.</summary>
    public async Task<bool> ReportAsync(string userId, ReportTarget target, Guid targetId, ReportReason reason, CancellationToken ct = default)
    {
        Proposal? proposal;
        ProposalComment? comment = null;
        // Lock the reported row first (a no-op update), so parallel reports count one after the other on fresh values.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (target == ReportTarget.Proposal)
            await db.Set<Proposal>().Where(p => p.Id == targetId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReportCount, p => p.ReportCount), ct);
        else
            await db.Set<ProposalComment>().Where(c => c.Id == targetId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReportCount, c => c.ReportCount), ct);
        if (target == ReportTarget.Proposal)
        {
            proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == targetId, ct);
        }
        else
        {
            comment = await db.Set<ProposalComment>().FirstOrDefaultAsync(c => c.Id == targetId, ct);
            proposal = comment is null ? null : await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == comment.ProposalId, ct);
        }
        if (proposal is null || !proposal.IsPublic || comment is { IsHidden: true }) throw DomainException.NotFound("NotFound");
        if (await db.Set<ContentReport>().AnyAsync(r => r.Target == target && r.TargetId == targetId && r.ReporterUserId == userId, ct))
            return false;
        var threshold = ReportCounter.Threshold(options.Value.ReportsBeforeHiding);
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new ContentReport(target, targetId, proposal.Id, userId, reason, now);
        db.Add(report);
        var hidden = comment is not null ? comment.RegisterReport(threshold) : proposal.RegisterReport(threshold);
        if (hidden)
        {
            if (comment is null) await search.RemoveAsync(SearchKinds.Proposal, proposal.Id.ToString(), ct);
            audit.Record(null, comment is null ? "proposal.auto-hidden" : "comment.auto-hidden",
                comment is null ? nameof(Proposal) : nameof(ProposalComment), targetId.ToString(), $"{threshold} reports");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return false;
        }
        await tx.CommitAsync(ct);
        return true;
    }
}
