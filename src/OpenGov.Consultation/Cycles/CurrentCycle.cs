using Microsoft.EntityFrameworkCore;

namespace OpenGov.Consultation.Cycles;

/// <summary>What the ranking needs of a cycle: its phases' span relative to now and whether it has axes.</summary>
public sealed record CycleTiming(Guid Id, int PlanStartYear, DateTime CreatedAt, bool IsOpen, DateTime? NextStart, DateTime? LastEnd, int AxisCount);

/// <summary>
/// The one definition of "the current cycle", used by every page (home, sheets, evaluation, association themes, forum, events):
/// 1. a cycle with a phase open now (the latest plan period if several);
/// 2. else the next upcoming one (earliest phase start after now);
/// 3. else the one that ended last (latest phase end);
/// 4. else, with no dated phase anywhere, the latest plan period (then the latest created).
/// Draft cycles (not yet published) are never current.
/// </summary>
public sealed class CurrentCycle(DbContext db, TimeProvider clock)
{
    /// <summary>The current cycle's id, or null when there is no cycle.</summary>
    public async Task<Guid?> IdAsync(CancellationToken ct = default) => Rank(await TimingsAsync(ct), Now).FirstOrDefault()?.Id;

    /// <summary>The first cycle in the same order that has axes (themes), so a new cycle without axes never empties the themes.</summary>
    public async Task<Guid?> WithAxesIdAsync(CancellationToken ct = default)
        => Rank(await TimingsAsync(ct), Now).FirstOrDefault(c => c.AxisCount > 0)?.Id;

    /// <summary>The first cycle in the same order among <paramref name="ids"/> (e.g. the cycles that have published sheets),
    /// or null when none of them exists.</summary>
    public async Task<Guid?> FirstAmongAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
        => ids.Count == 0 ? null : Rank(await TimingsAsync(ct), Now).FirstOrDefault(c => ids.Contains(c.Id))?.Id;

    /// <summary>The current cycle with its open phase (home page), or null when there is no cycle.</summary>
    public async Task<CycleSummary?> SummaryAsync(CancellationToken ct = default)
    {
        if (await IdAsync(ct) is not { } id) return null;
        var cycle = await db.Set<Cycle>().AsNoTracking().Include(c => c.Phases).FirstAsync(c => c.Id == id, ct);
        var phase = cycle.CurrentPhase(Now);
        return new CycleSummary(cycle.Id, cycle.Title, cycle.PlanStartYear, cycle.PlanEndYear, phase?.Kind, phase?.EndsAt, 0) { TitleText = cycle.TitleText };
    }

    /// <summary>The ranking itself, pure so that it is tested without a database.</summary>
    public static IEnumerable<CycleTiming> Rank(IEnumerable<CycleTiming> cycles, DateTime now)
        => cycles
            .OrderBy(c => c.IsOpen ? 0 : c.NextStart is not null ? 1 : c.LastEnd is not null ? 2 : 3)
            .ThenBy(c => c.IsOpen ? 0 : c.NextStart is { } next ? (next - now).Ticks : 0)
            .ThenByDescending(c => c.IsOpen || c.NextStart is not null ? 0 : c.LastEnd?.Ticks ?? 0)
            .ThenByDescending(c => c.PlanStartYear)
            .ThenByDescending(c => c.CreatedAt);

    private async Task<List<CycleTiming>> TimingsAsync(CancellationToken ct)
    {
        var now = Now;
        // A handful of cycles per decade: ranking them in memory keeps the rule readable and provider-neutral.
        return await db.Set<Cycle>().AsNoTracking().Where(Cycle.Published).Select(c => new CycleTiming(c.Id, c.PlanStartYear, c.CreatedAt,
            c.Phases.Any(p => p.StartsAt <= now && now < p.EndsAt),
            c.Phases.Where(p => p.StartsAt > now).Min(p => (DateTime?)p.StartsAt),
            c.Phases.Max(p => (DateTime?)p.EndsAt),
            c.Axes.Count)).ToListAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
