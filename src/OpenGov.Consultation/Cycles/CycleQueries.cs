using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Proposals;

namespace OpenGov.Consultation.Cycles;

public sealed record CycleSummary(Guid Id, string Title, int PlanStartYear, int PlanEndYear, PhaseKind? CurrentPhase, DateTime? CurrentPhaseEndsAt, int ProposalCount);

public sealed record AxisView(Guid Id, string Code, string NameFr, string NameAr, string NameEn, int Order)
{
    public string Name(string culture) => culture.StartsWith("ar", StringComparison.Ordinal) ? NameAr
        : culture.StartsWith("en", StringComparison.Ordinal) ? NameEn : NameFr;
}

public sealed record PhaseView(PhaseKind Kind, DateTime StartsAt, DateTime EndsAt, bool IsCurrent, bool IsPast);

public sealed record PhaseChangeView(PhaseKind Kind, DateTime PreviousEnd, DateTime NewEnd, string Reason, DateTime At);

public sealed record CountBy<T>(T Key, int Count);

public sealed record CycleFigures(int Proposals, int Comments, int Supports, int Participants,
    IReadOnlyList<CountBy<Guid>> ByAxis, IReadOnlyList<CountBy<string>> ByRegion, IReadOnlyList<CountBy<SubmitterType>> BySubmitterType);

public sealed record CycleDetail(Guid Id, string Title, string DescriptionMarkdown, int PlanStartYear, int PlanEndYear,
    IReadOnlyList<AxisView> Axes, IReadOnlyList<PhaseView> Phases, IReadOnlyList<PhaseChangeView> Changes, PhaseKind? CurrentPhase)
{
    public bool IsCollecting => CurrentPhase == PhaseKind.ProposalCollection;
}

/// <summary>Read side of cycles: the list, one cycle's timeline and trail, and its live figures (aggregated in SQL from counters on rows).</summary>
public sealed class CycleQueries(DbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<CycleSummary>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.PlanStartYear).ThenByDescending(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Title, c.PlanStartYear, c.PlanEndYear }).Take(100).ToListAsync(ct);
        var ids = cycles.Select(c => c.Id).ToList();
        var current = await db.Set<CyclePhase>().AsNoTracking().Where(p => ids.Contains(p.CycleId) && p.StartsAt <= now && now < p.EndsAt)
            .Select(p => new { p.CycleId, p.Kind, p.EndsAt }).ToListAsync(ct);
        var counts = await db.Set<Proposal>().AsNoTracking()
            .WherePublic().Where(p => ids.Contains(p.CycleId))
            .GroupBy(p => p.CycleId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return cycles.Select(c =>
        {
            var phase = current.FirstOrDefault(p => p.CycleId == c.Id);
            return new CycleSummary(c.Id, c.Title, c.PlanStartYear, c.PlanEndYear, phase?.Kind, phase?.EndsAt,
                counts.FirstOrDefault(x => x.Key == c.Id)?.Count ?? 0);
        }).ToList();
    }

    public async Task<CycleDetail?> DetailAsync(Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cycle = await db.Set<Cycle>().AsNoTracking().AsSplitQuery().Include(c => c.Axes).Include(c => c.Phases).Include(c => c.PhaseChanges)
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return null;
        return new CycleDetail(cycle.Id, cycle.Title, cycle.DescriptionMarkdown, cycle.PlanStartYear, cycle.PlanEndYear,
            cycle.Axes.OrderBy(a => a.Order).Select(a => new AxisView(a.Id, a.Code, a.NameFr, a.NameAr, a.NameEn, a.Order)).ToList(),
            cycle.Phases.OrderBy(p => p.StartsAt).Select(p => new PhaseView(p.Kind, p.StartsAt, p.EndsAt, p.IsOpenAt(now), p.EndsAt <= now)).ToList(),
            cycle.PhaseChanges.OrderByDescending(c => c.At).Select(c => new PhaseChangeView(c.Kind, c.PreviousEnd, c.NewEnd, c.Reason, c.At)).ToList(),
            cycle.CurrentPhase(now)?.Kind);
    }

    /// <summary>Cycles for filters: no counting.</summary>
    public async Task<IReadOnlyList<CycleSummary>> OptionsAsync(CancellationToken ct = default)
        => await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.PlanStartYear).ThenByDescending(c => c.CreatedAt).Take(100)
            .Select(c => new CycleSummary(c.Id, c.Title, c.PlanStartYear, c.PlanEndYear, null, null, 0)).ToListAsync(ct);

    /// <summary>All axes of every cycle, for filters and labels (a handful of rows).</summary>
    public async Task<IReadOnlyList<(Guid CycleId, AxisView Axis)>> AllAxesAsync(CancellationToken ct = default)
        => (await db.Set<CycleAxis>().AsNoTracking().OrderBy(a => a.CycleId).ThenBy(a => a.Order)
            .Select(a => new { a.CycleId, a.Id, a.Code, a.NameFr, a.NameAr, a.NameEn, a.Order }).ToListAsync(ct))
            .Select(a => (a.CycleId, new AxisView(a.Id, a.Code, a.NameFr, a.NameAr, a.NameEn, a.Order))).ToList();

    /// <summary>Cycles whose collection phase is open now: where a new idea can go.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> CollectingAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.Set<CyclePhase>().Where(p => p.Kind == PhaseKind.ProposalCollection && p.StartsAt <= now && now < p.EndsAt).Select(p => p.CycleId);
        return (await db.Set<Cycle>().AsNoTracking().Where(c => open.Contains(c.Id)).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Title }).ToListAsync(ct)).Select(c => (c.Id, c.Title)).ToList();
    }

    // Figures aggregate the whole cycle (100,000 ideas is several scans): computed at most once a minute per cycle and instance.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (DateTime At, CycleFigures Figures)> FiguresCache = new();

    public async Task<CycleFigures> FiguresAsync(Guid cycleId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (FiguresCache.TryGetValue(cycleId, out var cached) && cached.At <= now && now - cached.At < TimeSpan.FromMinutes(1))
            return cached.Figures;
        var figures = await ComputeFiguresAsync(cycleId, ct);
        FiguresCache[cycleId] = (now, figures);
        return figures;
    }

    private async Task<CycleFigures> ComputeFiguresAsync(Guid cycleId, CancellationToken ct)
    {
        var published = db.Set<Proposal>().AsNoTracking().WherePublic().Where(p => p.CycleId == cycleId);
        var byAxis = await published.GroupBy(p => p.AxisId).Select(g => new CountBy<Guid>(g.Key, g.Count())).ToListAsync(ct);
        var byRegion = await published.GroupBy(p => p.Region).Select(g => new CountBy<string>(g.Key, g.Count())).ToListAsync(ct);
        var byType = await published.GroupBy(p => p.SubmitterType).Select(g => new CountBy<SubmitterType>(g.Key, g.Count())).ToListAsync(ct);
        var totals = await published.GroupBy(_ => 1)
            .Select(g => new { Comments = g.Sum(p => p.CommentCount), Supports = g.Sum(p => p.SupportCount) }).FirstOrDefaultAsync(ct);
        // Participants: distinct people who submitted, supported or commented in this cycle.
        var inCycle = db.Set<Proposal>().Where(p => p.CycleId == cycleId).Select(p => p.Id);
        var participants = await db.Set<Proposal>().Where(p => p.CycleId == cycleId && p.Status != ProposalStatus.Draft).Select(p => p.AuthorUserId)
            .Union(db.Set<ProposalSupport>().Where(s => inCycle.Contains(s.ProposalId)).Select(s => s.UserId))
            .Union(db.Set<ProposalComment>().Where(c => inCycle.Contains(c.ProposalId)).Select(c => c.AuthorUserId))
            .CountAsync(ct);
        return new CycleFigures(byType.Sum(t => t.Count), totals?.Comments ?? 0, totals?.Supports ?? 0, participants,
            byAxis.OrderByDescending(a => a.Count).ToList(), byRegion.OrderByDescending(r => r.Count).ToList(), byType);
    }
}
