using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.Sheets;

/// <summary>Sheets' titles as the public reads them: the current published version's title in fr/ar/en (a sheet's
/// translations live in its versions' content). For the lists, traces and mails that name sheets by id.</summary>
public static class SheetTitles
{
    /// <summary>By sheet id; a sheet never published is absent.</summary>
    public static async Task<Dictionary<Guid, LocalizedText>> PublishedAsync(DbContext db, IReadOnlyCollection<Guid> sheetIds, CancellationToken ct = default)
    {
        if (sheetIds.Count == 0) return [];
        var rows = await db.Set<Sheet>().Where(s => sheetIds.Contains(s.Id) && s.CurrentVersion > 0)
            .Select(s => new
            {
                s.Id,
                Title = s.PublishedTitle!,
                Json = db.Set<SheetVersion>().Where(v => v.SheetId == s.Id && v.Number == s.CurrentVersion).Select(v => v.ContentJson).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.Json is null ? new LocalizedText(r.Title) : SheetContent.FromJson(r.Json).TitleText);
    }
}
