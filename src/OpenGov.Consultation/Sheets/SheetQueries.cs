using OpenGov.Consultation.Cycles;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Paging;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.Sheets;

/// <summary>A sheet in a list; <see cref="Titles"/>: the published version's title in fr/ar/en (the draft's for a never-published sheet).</summary>
public sealed record SheetListItem(Guid Id, string Title, string Agency, int Version, DateTime? OpensAt, DateTime? ClosesAt,
    int CommentCount, bool IsSelected, bool HasUnpublishedChanges, LocalizedText Titles);

public sealed record CommentView(Guid Id, string SectionKey, int OnVersion, string AuthorName, string? AssociationName, string Body,
    DateTime CreatedAt, string? Reply, DateTime? RepliedAt, CommentHandling Handling, string? HandlingReason, int? HandledInVersion);

public sealed record VersionInfo(int Number, string AuthorName, string? ChangeNote, DateTime PublishedAt);

public sealed record ExtensionView(DateTime PreviousClose, DateTime NewClose, string Reason, DateTime At);

public sealed record ProposalLink(Guid Id, string Title);

/// <summary>Everything the sheet page shows, loaded with a fixed number of queries whatever the number of comments:
/// the count of every section, its first comments (<see cref="SheetQueries.CommentsPerSection"/>), and for one expanded
/// section a keyset page of its comments, so the page stays small however many comments a section has.
/// <see cref="DraftCoverage"/>: how much of the draft is translated (shown to those who may translate it).</summary>
public sealed record SheetPage(
    Guid Id, Guid CycleId, Guid AgencyId, string Agency, int CurrentVersion, SheetContent? Published, DateTime? OpensAt, DateTime? ClosesAt,
    ConsultationState State, bool IsSelected, bool CanEdit, bool HasUnpublishedChanges, IReadOnlyList<VersionInfo> Versions, IReadOnlyList<ExtensionView> Extensions,
    IReadOnlyDictionary<string, IReadOnlyList<CommentView>> CommentsBySection, IReadOnlyList<ProposalLink> Proposals,
    IReadOnlyDictionary<string, int> CommentCounts, IReadOnlyDictionary<string, string> NextCursors, TranslationCoverage DraftCoverage)
{
    /// <summary>The comments shown for a section (its first ones, or the requested page of the expanded section).</summary>
    public IReadOnlyList<CommentView> CommentsOf(string section)
        => CommentsBySection.TryGetValue(section, out var list) ? list : [];

    /// <summary>All comments of a section, shown or not.</summary>
    public int CountOf(string section) => CommentCounts.GetValueOrDefault(section);

    /// <summary>The cursor of the section's next page of comments, or null when the shown ones are the last.</summary>
    public string? NextCursorOf(string section) => NextCursors.GetValueOrDefault(section);

    public int CommentCount => CommentCounts.Values.Sum();
}

public sealed class SheetQueries(DbContext db, TimeProvider clock, CurrentCycle current)
{
    /// <summary>The cycle the sheet pages open on: the first, in the current-cycle order, that has published sheets;
    /// else the current cycle (a new cycle without sheets yet must not hide the ones under consultation).</summary>
    public async Task<Guid?> DefaultCycleAsync(CancellationToken ct = default)
    {
        var withSheets = await db.Set<Sheet>().Where(s => s.CurrentVersion > 0).Select(s => s.CycleId).Distinct().ToListAsync(ct);
        return await current.FirstAmongAsync(withSheets, ct) ?? await current.IdAsync(ct);
    }

    private static readonly System.Linq.Expressions.Expression<Func<SheetComment, CommentView>> ToView = c => new CommentView(c.Id, c.SectionKey,
        c.OnVersion, c.AuthorName, c.AssociationName, c.Body, c.CreatedAt, c.Reply, c.RepliedAt, c.Handling, c.HandlingReason, c.HandledInVersion);

    /// <summary>Comments shown under each section before "more" (a section with more shows its count and a link).</summary>
    public const int CommentsPerSection = 5;

    /// <summary>Comments per page of an expanded section.</summary>
    public const int CommentsPerPage = 50;

    /// <summary>Published sheets of a cycle, plus the drafts of the agencies <paramref name="editorAgencyIds"/>.</summary>
    public async Task<IReadOnlyList<SheetListItem>> ListAsync(Guid? cycleId, IReadOnlyCollection<Guid> editorAgencyIds, CancellationToken ct = default)
    {
        var q = db.Set<Sheet>().Where(s => s.CurrentVersion > 0 || editorAgencyIds.Contains(s.AgencyId));
        if (cycleId is { } c) q = q.Where(s => s.CycleId == c);
        // The shown snapshot comes along for its translated title (a cycle has tens of sheets, not thousands).
        var rows = await q.Join(db.Set<Agency>(), s => s.AgencyId, a => a.Id, (s, a) => new { s, a.Name })
            .OrderBy(x => x.s.PublishedTitle ?? x.s.Title)
            .Select(x => new
            {
                Item = new SheetListItem(x.s.Id, x.s.CurrentVersion > 0 ? x.s.PublishedTitle! : x.s.Title, x.Name, x.s.CurrentVersion,
                    x.s.ConsultationOpensAt, x.s.ConsultationClosesAt, x.s.CommentCount, x.s.IsSelected, x.s.HasUnpublishedChanges, null!),
                Json = x.s.CurrentVersion > 0
                    ? db.Set<SheetVersion>().Where(v => v.SheetId == x.s.Id && v.Number == x.s.CurrentVersion).Select(v => v.ContentJson).FirstOrDefault()
                    : x.s.ContentJson,
            })
            .ToListAsync(ct);
        return rows.Select(r => r.Item with { Titles = r.Json is null ? new LocalizedText(r.Item.Title) : SheetContent.FromJson(r.Json).TitleText }).ToList();
    }

    /// <summary>The public page of a sheet, or null when it does not exist or is an unpublished draft the reader may not see
    /// (only the lead agency's editors see a never-published draft).</summary>
    /// <param name="expand">A section whose comments are paged (from <paramref name="after"/>, a cursor from
    /// <see cref="SheetPage.NextCursorOf"/>); the other sections show their first comments.</param>
    public async Task<SheetPage?> PageAsync(Guid id, string? userId, string? expand = null, string? after = null, CancellationToken ct = default)
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
        var counts = await db.Set<SheetComment>().Where(c => c.SheetId == id).GroupBy(c => c.SectionKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // The first comments of every section in one query (ROW_NUMBER per section; standard SQL on every provider).
        var first = await db.Set<SheetComment>().FromSql($"""
                SELECT x.* FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c."SectionKey" ORDER BY c."CreatedAt", c."Id") AS "Rn"
                                 FROM "SheetComments" c WHERE c."SheetId" = {id}) x
                WHERE x."Rn" <= {CommentsPerSection}
                """)
            .Where(c => expand == null || c.SectionKey != expand)
            .Select(ToView)
            .ToListAsync(ct);
        var comments = first.GroupBy(c => c.SectionKey).ToDictionary(g => g.Key, g => g.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList());
        var next = new Dictionary<string, string>();
        foreach (var (key, list) in comments)
            if (counts.GetValueOrDefault(key) > list.Count) next[key] = KeysetCursor.Encode(list[^1].CreatedAt, list[^1].Id);
        if (expand is not null)
        {
            // One section expanded: a keyset page after the cursor (a tampered cursor reads as the first page).
            var q = db.Set<SheetComment>().Where(c => c.SheetId == id && c.SectionKey == expand);
            if (KeysetCursor.TryDecode(after, out var at, out var afterId))
                q = q.Where(c => c.CreatedAt > at || (c.CreatedAt == at && c.Id.CompareTo(afterId) > 0));
            var page = await q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(CommentsPerPage + 1)
                .Select(ToView)
                .ToListAsync(ct);
            if (page.Count > CommentsPerPage)
            {
                page.RemoveAt(page.Count - 1);
                next[expand] = KeysetCursor.Encode(page[^1].CreatedAt, page[^1].Id);
            }
            comments[expand] = page;
        }
        var proposalIds = published?.ProposalIds ?? [];
        var proposals = proposalIds.Count == 0 ? [] : await db.Set<Proposal>()
            .WherePublic().Where(p => proposalIds.Contains(p.Id))
            .Select(p => new ProposalLink(p.Id, p.Title)).ToListAsync(ct);
        return new SheetPage(sheet.Id, sheet.CycleId, sheet.AgencyId, agency, sheet.CurrentVersion, published, sheet.ConsultationOpensAt,
            sheet.ConsultationClosesAt, sheet.StateAt(clock.GetUtcNow().UtcDateTime), sheet.IsSelected, canEdit, sheet.HasUnpublishedChanges || !sheet.IsPublished, versions,
            sheet.Extensions.OrderBy(e => e.At).Select(e => new ExtensionView(e.PreviousClose, e.NewClose, e.Reason, e.At)).ToList(),
            comments.ToDictionary(x => x.Key, x => (IReadOnlyList<CommentView>)x.Value),
            proposals, counts, next, TranslationCoverage.Of(sheet.Content.Texts().Select(t => t.Value)));
    }

    /// <summary>The cursor of the section's comment page that ends with <paramref name="commentId"/> (null: the first page),
    /// so that its author lands where it is shown.</summary>
    public async Task<string?> CommentPageCursorAsync(Guid sheetId, Guid commentId, CancellationToken ct = default)
    {
        var comment = await db.Set<SheetComment>().AsNoTracking().Where(c => c.Id == commentId && c.SheetId == sheetId)
            .Select(c => new { c.Id, c.SectionKey, c.CreatedAt }).FirstOrDefaultAsync(ct);
        if (comment is null) return null;
        var before = await db.Set<SheetComment>().AsNoTracking()
            .Where(c => c.SheetId == sheetId && c.SectionKey == comment.SectionKey
                && (c.CreatedAt < comment.CreatedAt || (c.CreatedAt == comment.CreatedAt && c.Id.CompareTo(comment.Id) < 0)))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip(CommentsPerPage - 1).Select(c => new { c.Id, c.CreatedAt }).FirstOrDefaultAsync(ct);
        return before is null ? null : KeysetCursor.Encode(before.CreatedAt, before.Id);
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

    /// <summary>Published cycles for the sheet pages' selectors, titles in every language.</summary>
    public async Task<IReadOnlyList<(Guid Id, LocalizedText Title)>> CyclesAsync(CancellationToken ct = default)
        => (await db.Set<Cycles.Cycle>().Where(Cycles.Cycle.Published).OrderByDescending(c => c.PlanStartYear)
                .Select(c => new { c.Id, c.Title, c.TitleAr, c.TitleEn }).ToListAsync(ct))
            .Select(c => (c.Id, new LocalizedText(c.Title, c.TitleAr, c.TitleEn))).ToList();

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
            .Select(ToView).ToListAsync(ct);

    public async Task<IReadOnlyList<AgencyRef>> AgenciesAsync(CancellationToken ct = default)
        => await db.Set<Agency>().OrderBy(a => a.Name).Select(a => new AgencyRef(a.Id, a.Name, a.Acronym)).ToListAsync(ct);

    public async Task<IReadOnlyList<(Guid AgencyId, string UserId)>> EditorLinksAsync(CancellationToken ct = default)
        => (await db.Set<AgencyEditor>().Select(e => new { e.AgencyId, e.UserId }).ToListAsync(ct)).Select(e => (e.AgencyId, e.UserId)).ToList();
}
