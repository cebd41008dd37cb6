using Microsoft.EntityFrameworkCore;

namespace OpenGov.Tracking.Plans;

/// <summary>One commitment of a published plan and when its leads reported on it (oldest first).</summary>
public sealed record CommitmentReportingFacts(Guid Id, int Number, string Title, IReadOnlyList<DateTime> LeadUpdates);

/// <summary>The published plan adopted from a cycle, as the OGP standards checklist needs it.</summary>
public sealed record PlanFacts(Guid PlanId, string Title, int StartYear, int EndYear, DateTime PublishedAt,
    IReadOnlyList<CommitmentReportingFacts> Commitments);

/// <summary>Reads the published plan of a cycle (by the cycle's id: the consultation module is not referenced).</summary>
public sealed class PlanCycleFacts(DbContext db)
{
    public async Task<PlanFacts?> ForCycleAsync(Guid cycleId, CancellationToken ct = default)
    {
        var plan = await db.Set<Plan>().AsNoTracking()
            .Where(p => p.SourceCycleId == cycleId && p.Status == PlanStatus.Published && p.PublishedAt != null)
            .OrderByDescending(p => p.PublishedAt).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var commitments = await db.Set<Commitment>().AsNoTracking().Where(c => c.PlanId == plan.Id)
            .OrderBy(c => c.Number).Select(c => new { c.Id, c.Number, c.Title }).ToListAsync(ct);
        var ids = commitments.Select(c => c.Id).ToList();
        // Only updates written by one of the commitment's leads count as the owner's report (not an administrator's edit).
        var updates = await (from u in db.Set<CommitmentUpdate>().AsNoTracking()
                             join l in db.Set<CommitmentLead>() on new { u.CommitmentId, u.UserId } equals new { l.CommitmentId, l.UserId }
                             where ids.Contains(u.CommitmentId)
                             select new { u.CommitmentId, u.At }).ToListAsync(ct);
        return new PlanFacts(plan.Id, plan.Title, plan.StartYear, plan.EndYear, plan.PublishedAt!.Value,
            commitments.Select(c => new CommitmentReportingFacts(c.Id, c.Number, c.Title,
                updates.Where(u => u.CommitmentId == c.Id).Select(u => u.At).Order().ToList())).ToList());
    }
}
