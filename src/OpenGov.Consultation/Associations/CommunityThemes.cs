using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Cycles;

namespace OpenGov.Consultation.Associations;

public sealed record ThemeOption(string Code, string NameFr, string NameAr, string NameEn)
{
    public string Name(string culture) => culture.StartsWith("ar", StringComparison.Ordinal) ? NameAr
        : culture.StartsWith("en", StringComparison.Ordinal) ? NameEn : NameFr;
}

/// <summary>The themes of associations and the forum's categories: the axes of the current cycle that has axes
/// (<see cref="CurrentCycle.WithAxesIdAsync"/>), else a fixed list, so registration always offers a theme to choose.</summary>
public sealed class CommunityThemes(DbContext db, CurrentCycle current)
{
    /// <summary>The OGP values, used only while no cycle has axes.</summary>
    public static readonly IReadOnlyList<ThemeOption> Fallback =
    [
        new("transparency", "Transparence", "الشفافية", "Transparency"),
        new("participation", "Participation citoyenne", "المشاركة المواطنة", "Civic participation"),
        new("accountability", "Redevabilité", "المساءلة", "Accountability"),
        new("innovation", "Innovation et numérique", "الابتكار والرقمنة", "Innovation and digital"),
    ];

    public async Task<IReadOnlyList<ThemeOption>> CurrentAsync(CancellationToken ct = default)
    {
        if (await current.WithAxesIdAsync(ct) is not { } cycleId) return Fallback;
        return await db.Set<CycleAxis>().Where(a => a.CycleId == cycleId).OrderBy(a => a.Order)
            .Select(a => new ThemeOption(a.Code, a.NameFr, a.NameAr, a.NameEn)).ToListAsync(ct);
    }

    /// <summary>The label of every theme code an association may carry: the current themes, then the axes of other published
    /// cycles (latest plan first: an association keeps the themes of the cycle it registered under), then the fixed list.</summary>
    public async Task<ThemeLabels> LabelsAsync(CancellationToken ct = default)
    {
        var labels = new Dictionary<string, ThemeOption>(StringComparer.Ordinal);
        foreach (var t in await CurrentAsync(ct)) labels.TryAdd(t.Code, t);
        var cycles = await db.Set<Cycle>().Where(Cycle.Published).Select(c => new { c.Id, c.PlanStartYear, c.CreatedAt }).ToListAsync(ct);
        var axes = await db.Set<CycleAxis>().Select(a => new { a.CycleId, Option = new ThemeOption(a.Code, a.NameFr, a.NameAr, a.NameEn) }).ToListAsync(ct);
        foreach (var c in cycles.OrderByDescending(c => c.PlanStartYear).ThenByDescending(c => c.CreatedAt))
            foreach (var a in axes.Where(a => a.CycleId == c.Id)) labels.TryAdd(a.Option.Code, a.Option);
        foreach (var t in Fallback) labels.TryAdd(t.Code, t);
        return new ThemeLabels(labels);
    }
}
