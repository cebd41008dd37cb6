using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Proposals;

namespace OpenGov.Consultation.Sheets;

public sealed record SheetListItem(Guid Id, string Title, string Agency, int Version, DateTime? OpensAt, DateTime? ClosesAt,
    int CommentCount, bool IsSelected, bool HasUnpublishedChanges);

public sealed record CommentView(Guid Id, string SectionKey, int OnVersion, string AuthorName, string? AssociationName, string Body,
    DateTime CreatedAt, string? Reply, DateTime? RepliedAt, CommentHandling Handling, string? HandlingReason, int? HandledInVersion);

public sealed record VersionInfo(int Number, string AuthorName, string? ChangeNote, DateTime PublishedAt);

public sealed record ExtensionView(DateTime PreviousClose, DateTime NewClose, string Reason, DateTime At);

public sealed record ProposalLink(Guid Id, string Title);

/// <summary>Everything the sheet page shows, loaded with a fixed number of queries whatever the number of comments
/// (all comments in one query, grouped by section in memory).</summary>
public sealed record SheetPage(
    Guid Id, Guid CycleId, Guid AgencyId, string Agency, int CurrentVersion, SheetContent? Published, DateTime? OpensAt, DateTime? ClosesAt,
    ConsultationState State, bool IsSelected, bool CanEdit, bool HasUnpublishedChanges, IReadOnlyList<VersionInfo> Versions, IReadOnlyList<ExtensionView> Extensions,
    IReadOnlyDictionary<string, IReadOnlyList<CommentView>> CommentsBySection, IReadOnlyList<ProposalLink> Proposals)
{
    public IReadOnlyList<CommentView> CommentsOf(string section)
        => CommentsBySection.TryGetValue(section, out var list) ? list : [];

    public int CommentCount => CommentsBySection.Values.Sum(l => l.Count);
}

public sealed class SheetQueries(DbContext db, TimeProvider clock)
{
    /// <summary>Published sheets of a cycle, plus the drafts of the agencies <paramref name="editorAgencyIds"/>.</summary>
    public async Task<IReadOnlyList<SheetListItem>> ListAsync(Guid? cycleId, IReadOnlyCollection<Guid> editorAgencyIds, CancellationToken ct = default)
    {
        var q = db.Set<Sheet>().Where(s => s.CurrentVersion > 0 || editorAgencyIds.Contains(s.AgencyId));
        if (cycleId is { } c) q = q.Where(s => s.CycleId == c);
        return await q.Join(db.Set<Agency>(), s => s.AgencyId, a => a.Id, (s, a) => new { s, a.Name })
            .OrderBy(x => x.s.PublishedTitle ?? x.s.Title)
            .Select(x => new SheetListItem(x.s.Id, x.s.CurrentVersion > 0 ? x.s.PublishedTitle! : x.s.Title, x.Name, x.s.CurrentVersion,
                x.s.ConsultationOpensAt, x.s.ConsultationClosesAt, x.s.CommentCount, x.s.IsSelected, x.s.HasUnpublishedChanges))
            .ToListAsync(ct);
    }

    /// <summary>The public page of a sheet, or null when it does not exist or is an unpublished draft the reader may not see
    /// (only the lead agency's editors see a never-published draft).</summary>
    public async Task<SheetPage?> PageAsync(Guid id, string? userId, CancellationToken ct = default)
    {
        var sheet = await db.Set<Sheet>().AsNoTracking().Include(s => s.Extensions).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null) return null;
        var canEdit = userId is not null && await db.Set<AgencyEditor>().AnyAsync(e => e.AgencyId == sheet.AgencyId && e.UserId == userId, ct);
        if (!sheet.IsPublished && !canEdit) return null;
        var agency = await db.Set<Agency>().Where(a => a.Id == sheet.AgencyId).Select(a => a.Name).FirstAsync(ct);
        var versions = await db.Set<SheetVersion>().Where(v => v.SheetId == id).OrderByDescending(v => v.Number)
            .Select(v => new VersionInfo(v.Number, v.AuthorName, v.ChangeNote, v.PublishedAt)).ToListAsync(ct);
        SheetContent? published = null;
        if (sheet.IsPublished)
            published = SheetContent.FromJson(await db.Set<SheetVersion>().Where(v => v.SheetId == id && v.Number == sheet.CurrentVersion)
                .Select(v => v.ContentJson).FirstAsync(ct));
        var comments = await db.Set<SheetComment>().Where(c => c.SheetId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.SectionKey, c.OnVersion, c.AuthorName, c.AssociationName, c.Body, c.CreatedAt,
                c.Reply, c.RepliedAt, c.Handling, c.HandlingReason, c.HandledInVersion))
            .ToListAsync(ct);
        var proposalIds = published?.ProposalIds ?? [];
        var proposals = proposalIds.Count == 0 ? [] : await db.Set<Proposal>()
            .WherePublic().Where(p => proposalIds.Contains(p.Id))
            .Select(p => new ProposalLink(p.Id, p.Title)).ToListAsync(ct);
        return new SheetPage(sheet.Id, sheet.CycleId, sheet.AgencyId, agency, sheet.CurrentVersion, published, sheet.ConsultationOpensAt,
            sheet.ConsultationClosesAt, sheet.StateAt(clock.GetUtcNow().UtcDateTime), sheet.IsSelected, canEdit, sheet.HasUnpublishedChanges || !sheet.IsPublished, versions,
            sheet.Extensions.OrderBy(e => e.At).Select(e => new ExtensionView(e.PreviousClose, e.NewClose, e.Reason, e.At)).ToList(),
            comments.GroupBy(c => c.SectionKey).ToDictionary(g => g.Key, g => (IReadOnlyList<CommentView>)g.ToList()),
            proposals);
    }

    public async Task<SheetContent?> VersionAsync(Guid sheetId, int number, CancellationToken ct = default)
    {
        var json = await db.Set<SheetVersion>().Where(v => v.SheetId == sheetId && v.Number == number).Select(v => v.ContentJson).FirstOrDefaultAsync(ct);
        return json is null ? null : SheetContent.FromJson(json);
    }

    /// <summary>Published proposals of a cycle an editor may link (most supported first).</summary>
    public async Task<IReadOnlyList<ProposalLink>> LinkableProposalsAsync(Guid cycleId, CancellationToken ct = default)
        => await db.Set<Proposal>().WherePublic().Where(p => p.CycleId == cycleId)
            .OrderByDescending(p => p.SupportCount).ThenBy(p => p.Id).Take(300).Select(p => new ProposalLink(p.Id, p.Title)).ToListAsync(ct);

    public async Task<IReadOnlyList<(Guid Id, string Title)>> CyclesAsync(CancellationToken ct = default)
        => (await db.Set<Cycles.Cycle>().OrderByDescending(c => c.PlanStartYear).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(c => (c.Id, c.Title)).ToList();

    /// <summary>The draft of a sheet for its editors (the caller has checked the agency link through <see cref="SheetAccess"/>).</summary>
    public async Task<(Sheet Sheet, string Agency)?> DraftAsync(Guid id, CancellationToken ct = default)
    {
        var row = await db.Set<Sheet>().AsNoTracking().Where(s => s.Id == id)
            .Join(db.Set<Agency>(), s => s.AgencyId, a => a.Id, (s, a) => new { s, a.Name }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.s, row.Name);
    }

    /// <summary>Open comments of a sheet, which the next revision must handle.</summary>
    public async Task<IReadOnlyList<CommentView>> OpenCommentsAsync(Guid sheetId, CancellationToken ct = default)
        => await db.Set<SheetComment>().Where(c => c.SheetId == sheetId && c.Handling == CommentHandling.Open).OrderBy(c => c.CreatedAt)
            .Select(c => new CommentView(c.Id, c.SectionKey, c.OnVersion, c.AuthorName, c.AssociationName, c.Body, c.CreatedAt,
                c.Reply, c.RepliedAt, c.Handling, c.HandlingReason, c.HandledInVersion)).ToListAsync(ct);

    public async Task<IReadOnlyList<AgencyRef>> AgenciesAsync(CancellationToken ct = default)
        => await db.Set<Agency>().OrderBy(a => a.Name).Select(a => new AgencyRef(a.Id, a.Name, a.Acronym)).ToListAsync(ct);

    public async Task<IReadOnlyList<(Guid AgencyId, string UserId)>> EditorLinksAsync(CancellationToken ct = default)
        => (await db.Set<AgencyEditor>().Select(e => new { e.AgencyId, e.UserId }).ToListAsync(ct)).Select(e => (e.AgencyId, e.UserId)).ToList();
}
