using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Cycles;

namespace OpenGov.Consultation.Proposals;

public sealed record CountBy<T>(T Key, int Count);

public sealed record CycleFigures(int Proposals, int Comments, int Supports, int Participants,
    IReadOnlyList<CountBy<Guid>> ByAxis, IReadOnlyList<CountBy<string>> ByRegion, IReadOnlyList<CountBy<SubmitterType>> BySubmitterType);

/// <summary>The cycles with their published idea counts, and a cycle's live figures (aggregated in SQL from counters on rows).
/// Here rather than in Cycles because they count ideas: proposals depend on cycles, never the reverse.</summary>
public sealed class CycleOverview(DbContext db, TimeProvider clock)
{
    /// <param name="includeDrafts">The administration lists draft cycles too; visitors never see them.</param>
    public async Task<IReadOnlyList<CycleSummary>> ListAsync(bool includeDrafts = false, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cycles = await db.Set<Cycle>().AsNoTracking().Where(c => includeDrafts || c.PublishedAt != null)
            .OrderByDescending(c => c.PlanStartYear).ThenByDescending(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Title, c.PlanStartYear, c.PlanEndYear, c.TitleAr, c.TitleEn, c.PublishedAt }).Take(100).ToListAsync(ct);
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
                counts.FirstOrDefault(x => x.Key == c.Id)?.Count ?? 0, c.PublishedAt is null) { TitleText = new(c.Title, c.TitleAr, c.TitleEn) };
        }).ToList();
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

    /// <summary>The one count of a cycle's participants (cycle page, synthesis report): distinct people who submitted
    /// (anything but a draft), supported or commented an idea of the cycle.</summary>
    public Task<int> ParticipantsAsync(Guid cycleId, CancellationToken ct = default)
    {
        var inCycle = db.Set<Proposal>().Where(p => p.CycleId == cycleId).Select(p => p.Id);
        return db.Set<Proposal>().Where(p => p.CycleId == cycleId && p.Status != ProposalStatus.Draft).Select(p => p.AuthorUserId)
            .Union(db.Set<ProposalSupport>().Where(s => inCycle.Contains(s.ProposalId)).Select(s => s.UserId))
            .Union(db.Set<ProposalComment>().Where(c => inCycle.Contains(c.ProposalId)).Select(c => c.AuthorUserId))
            .CountAsync(ct);
    }

    private async Task<CycleFigures> ComputeFiguresAsync(Guid cycleId, CancellationToken ct)
    {
        var published = db.Set<Proposal>().AsNoTracking().WherePublic().Where(p => p.CycleId == cycleId);
        var byAxis = await published.GroupBy(p => p.AxisId).Select(g => new CountBy<Guid>(g.Key, g.Count())).ToListAsync(ct);
        var byRegion = await published.GroupBy(p => p.Region).Select(g => new CountBy<string>(g.Key, g.Count())).ToListAsync(ct);
        var byType = await published.GroupBy(p => p.SubmitterType).Select(g => new CountBy<SubmitterType>(g.Key, g.Count())).ToListAsync(ct);
        var totals = await published.GroupBy(_ => 1)
            .Select(g => new { Comments = g.Sum(p => p.CommentCount), Supports = g.Sum(p => p.SupportCount) }).FirstOrDefaultAsync(ct);
        var participants = await ParticipantsAsync(cycleId, ct);
        return new CycleFigures(byType.Sum(t => t.Count), totals?.Comments ?? 0, totals?.Supports ?? 0, participants,
            byAxis.OrderByDescending(a => a.Count).ToList(), byRegion.OrderByDescending(r => r.Count).ToList(), byType);
    }

    /// <summary>Participation over time: the cycle's public ideas per ISO week of publication, weeks without ideas included
    /// (the last 104 weeks with ideas at most). Grouped by day in SQL, then by week here.</summary>
    public async Task<IReadOnlyList<WeekCount>> PublishedPerWeekAsync(Guid cycleId, CancellationToken ct = default)
    {
        var days = await db.Set<Proposal>().AsNoTracking().WherePublic().Where(p => p.CycleId == cycleId && p.PublishedAt != null)
            .GroupBy(p => p.PublishedAt!.Value.Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (days.Count == 0) return [];
        static DateOnly WeekOf(DateTime day)
        {
            var d = DateOnly.FromDateTime(day);
            return d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
        }
        var byWeek = days.GroupBy(d => WeekOf(d.Day)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var last = byWeek.Keys.Max();
        var first = byWeek.Keys.Min();
        if (last.DayNumber - first.DayNumber > 103 * 7) first = last.AddDays(-103 * 7);
        var weeks = new List<WeekCount>();
        for (var w = first; w <= last; w = w.AddDays(7)) weeks.Add(new WeekCount(w, byWeek.GetValueOrDefault(w)));
        return weeks;
    }
}
