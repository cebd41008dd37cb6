using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Sheets;

namespace OpenGov.Consultation.OpenData;

/// <summary>
/// The consultation's half of public traceability: an idea's published response and the sheet that integrated it, and
/// back, the public ideas a sheet integrated. Only published answers, public ideas and published sheets are ever returned.
/// Also the sheet picker of the answer form (search by title within the cycle).
/// </summary>
public sealed class ResponseTrace(DbContext db)
{
    public const int PickerSize = 200;

    private IQueryable<Sheet> PublishedSheets => db.Set<Sheet>().Where(s => s.CurrentVersion > 0 && s.PublishedTitle != null);

    /// <summary>The published response to a public idea, or null (no answer yet, a draft, or an idea that is not public).</summary>
    public async Task<PublishedResponse?> PublishedResponseAsync(Guid proposalId, CancellationToken ct = default)
    {
        var r = await (from x in db.Set<ProposalResponse>().AsNoTracking()
                       join p in db.Set<Proposal>().WherePublic() on x.ProposalId equals p.Id
                       where x.ProposalId == proposalId && x.IsPublished
                       select new { x.State, x.JustificationMarkdown, At = x.PublishedAt ?? x.UpdatedAt, x.SheetId }).FirstOrDefaultAsync(ct);
        if (r is null) return null;
        var sheet = r.SheetId is { } sid ? await SheetAsync(sid, ct) : null;
        return new PublishedResponse(r.State, r.JustificationMarkdown, r.At, sheet);
    }

    /// <summary>The title of a public idea, or null.</summary>
    public Task<string?> PublicTitleAsync(Guid proposalId, CancellationToken ct = default)
        => db.Set<Proposal>().WherePublic().Where(p => p.Id == proposalId).Select(p => p.Title).FirstOrDefaultAsync(ct);

    /// <summary>A published sheet, or null.</summary>
    public async Task<TracedSheet?> SheetAsync(Guid sheetId, CancellationToken ct = default)
    {
        var sheet = await PublishedSheets.AsNoTracking().Where(s => s.Id == sheetId)
            .Select(s => new TracedSheet(s.Id, s.CycleId, s.PublishedTitle!)).FirstOrDefaultAsync(ct);
        if (sheet is null) return null;
        var titles = await SheetTitles.PublishedAsync(db, [sheetId], ct);
        return titles.TryGetValue(sheetId, out var text) ? sheet with { TitleText = text } : sheet;
    }

    /// <summary>The public ideas whose published response says they were integrated into this sheet, by title.</summary>
    public async Task<IReadOnlyList<TracedIdea>> IdeasIntegratedIntoAsync(Guid sheetId, CancellationToken ct = default)
        => await (from r in db.Set<ProposalResponse>().AsNoTracking()
                  join p in db.Set<Proposal>().WherePublic() on r.ProposalId equals p.Id
                  where r.IsPublished && r.State == ResponseState.MergedIntoSheet && r.SheetId == sheetId
                  orderby p.Title, p.Id
                  select new TracedIdea(p.Id, p.Title, r.PublishedAt ?? r.UpdatedAt)).ToListAsync(ct);

    /// <summary>
    /// The cycle's sheets a moderator may name as having integrated an idea (drafts too: an idea may go into a sheet
    /// still being written), by title, optionally filtered by a part of the title.
    /// </summary>
    public async Task<IReadOnlyList<TracedSheet>> SheetChoicesAsync(Guid cycleId, string? query, CancellationToken ct = default)
    {
        var sheets = db.Set<Sheet>().AsNoTracking().Where(s => s.CycleId == cycleId);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim().ToLower();
            sheets = sheets.Where(s => s.Title.ToLower().Contains(q));
        }
        return await sheets.OrderBy(s => s.Title).ThenBy(s => s.Id).Take(PickerSize)
            .Select(s => new TracedSheet(s.Id, s.CycleId, s.Title)).ToListAsync(ct);
    }
}
