using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.Cycles;

public sealed record CycleSummary(Guid Id, string Title, int PlanStartYear, int PlanEndYear, PhaseKind? CurrentPhase, DateTime? CurrentPhaseEndsAt, int ProposalCount,
    bool IsDraft = false)
{
    /// <summary>The current phase's last day, inclusive (<see cref="PhaseDays"/>).</summary>
    public DateOnly? CurrentPhaseLastDay => CurrentPhaseEndsAt is { } end ? PhaseDays.LastDay(end) : null;

    /// <summary>The title in every language (<see cref="Title"/> is the French original).</summary>
    public LocalizedText TitleText { get; init; } = new(Title);
}

public sealed record AxisView(Guid Id, string Code, string NameFr, string NameAr, string NameEn, int Order)
{
    public string Name(string culture) => culture.StartsWith("ar", StringComparison.Ordinal) ? NameAr
        : culture.StartsWith("en", StringComparison.Ordinal) ? NameEn : NameFr;
    public LocalizedText NameText => LocalizedText.CopiesAsMissing(NameFr, NameAr, NameEn);
}

public sealed record PhaseView(PhaseKind Kind, DateTime StartsAt, DateTime EndsAt, bool IsCurrent, bool IsPast)
{
    /// <summary>The first and last days shown to people (<see cref="PhaseDays"/>: the last day is inclusive).</summary>
    public DateOnly FirstDay => DateOnly.FromDateTime(StartsAt);
    public DateOnly LastDay => PhaseDays.LastDay(EndsAt);
}

public sealed record PhaseChangeView(PhaseKind Kind, DateTime PreviousEnd, DateTime NewEnd, string Reason, DateTime At)
{
    public DateOnly NewLastDay => PhaseDays.LastDay(NewEnd);
}

/// <summary>A cycle's title and its axes in order, for page headings and filters.</summary>
public sealed record CycleHeading(Guid Id, string Title, IReadOnlyList<AxisView> Axes);

public sealed record CycleDetail(Guid Id, string Title, string DescriptionMarkdown, int PlanStartYear, int PlanEndYear,
    IReadOnlyList<AxisView> Axes, IReadOnlyList<PhaseView> Phases, IReadOnlyList<PhaseChangeView> Changes, PhaseKind? CurrentPhase,
    bool IsPublished = true)
{
    public bool IsCollecting => CurrentPhase == PhaseKind.ProposalCollection;
    public LocalizedText TitleText { get; init; } = new(Title);
    public LocalizedText DescriptionText { get; init; } = new(DescriptionMarkdown);

    /// <summary>Translation completeness of the cycle's official texts (title, description, axes), for editors.</summary>
    public TranslationCoverage Coverage => TranslationCoverage.Of([TitleText, DescriptionText, .. Axes.Select(a => a.NameText)]);
}

/// <summary>Read side of cycles: one cycle's timeline and trail, headings and axes. The list with its idea counts and the live figures
/// are the proposals feature's <c>CycleOverview</c> (they count ideas; cycles do not depend on proposals).</summary>
public sealed class CycleQueries(DbContext db, TimeProvider clock, CurrentCycle current)
{
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
            cycle.CurrentPhase(now)?.Kind, cycle.IsPublished) { TitleText = cycle.TitleText, DescriptionText = cycle.DescriptionText };
    }

    /// <summary>Cycles for filters: no counting.</summary>
    public async Task<IReadOnlyList<CycleSummary>> OptionsAsync(CancellationToken ct = default)
        => await db.Set<Cycle>().AsNoTracking().Where(Cycle.Published).OrderByDescending(c => c.PlanStartYear).ThenByDescending(c => c.CreatedAt).Take(100)
            .Select(c => new CycleSummary(c.Id, c.Title, c.PlanStartYear, c.PlanEndYear, null, null, 0, false)
            { TitleText = new LocalizedText(c.Title, c.TitleAr, c.TitleEn) }).ToListAsync(ct);

    /// <summary>All axes of every cycle, for filters and labels (a handful of rows).</summary>
    public async Task<IReadOnlyList<(Guid CycleId, AxisView Axis)>> AllAxesAsync(CancellationToken ct = default)
        => (await db.Set<CycleAxis>().AsNoTracking().OrderBy(a => a.CycleId).ThenBy(a => a.Order)
            .Select(a => new { a.CycleId, a.Id, a.Code, a.NameFr, a.NameAr, a.NameEn, a.Order }).ToListAsync(ct))
            .Select(a => (a.CycleId, new AxisView(a.Id, a.Code, a.NameFr, a.NameAr, a.NameEn, a.Order))).ToList();

    /// <summary>A cycle's title and axes (in order), or null when there is no such cycle.</summary>
    public async Task<CycleHeading?> HeadingAsync(Guid id, CancellationToken ct = default)
    {
        var cycle = await db.Set<Cycle>().Where(c => c.Id == id).Select(c => new { c.Id, c.Title }).FirstOrDefaultAsync(ct);
        return cycle is null ? null : new CycleHeading(cycle.Id, cycle.Title, await AxesAsync(cycle.Id, ct));
    }

    /// <summary>The current cycle (<see cref="CurrentCycle"/>'s rule) with its axes, or null when there is none.</summary>
    public async Task<CycleHeading?> CurrentHeadingAsync(CancellationToken ct = default)
        => await current.IdAsync(ct) is { } id ? await HeadingAsync(id, ct) : null;

    /// <summary>One axis, whatever its cycle, or null.</summary>
    public async Task<AxisView?> AxisAsync(Guid axisId, CancellationToken ct = default)
        => await db.Set<CycleAxis>().AsNoTracking().Where(a => a.Id == axisId)
            .Select(a => new AxisView(a.Id, a.Code, a.NameFr, a.NameAr, a.NameEn, a.Order)).FirstOrDefaultAsync(ct);

    private async Task<IReadOnlyList<AxisView>> AxesAsync(Guid cycleId, CancellationToken ct)
        => await db.Set<CycleAxis>().AsNoTracking().Where(a => a.CycleId == cycleId).OrderBy(a => a.Order)
            .Select(a => new AxisView(a.Id, a.Code, a.NameFr, a.NameAr, a.NameEn, a.Order)).ToListAsync(ct);

    /// <summary>Cycles whose collection phase is open now: where a new idea can go.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> CollectingAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.Set<CyclePhase>().Where(p => p.Kind == PhaseKind.ProposalCollection && p.StartsAt <= now && now < p.EndsAt).Select(p => p.CycleId);
        return (await db.Set<Cycle>().AsNoTracking().Where(Cycle.Published).Where(c => open.Contains(c.Id)).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Title }).ToListAsync(ct)).Select(c => (c.Id, c.Title)).ToList();
    }
}
