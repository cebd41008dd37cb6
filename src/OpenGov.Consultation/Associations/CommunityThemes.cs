using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Cycles;

namespace OpenGov.Consultation.Associations;

public sealed record ThemeOption(string Code, string NameFr, string NameAr, string NameEn)
{
    public string Name(string culture) => culture.StartsWith("ar", StringComparison.Ordinal) ? NameAr
        : culture.StartsWith("en", StringComparison.Ordinal) ? NameEn : NameFr;
}

/// <summary>The themes of associations and the forum's categories: the axes of the latest co-creation cycle.</summary>
public sealed class CommunityThemes(DbContext db)
{
    public async Task<IReadOnlyList<ThemeOption>> CurrentAsync(CancellationToken ct = default)
    {
        var cycleId = await db.Set<Cycle>().OrderByDescending(c => c.PlanStartYear).ThenByDescending(c => c.CreatedAt)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (cycleId is null) return [];
        return await db.Set<CycleAxis>().Where(a => a.CycleId == cycleId).OrderBy(a => a.Order)
            .Select(a => new ThemeOption(a.Code, a.NameFr, a.NameAr, a.NameEn)).ToListAsync(ct);
    }
}
