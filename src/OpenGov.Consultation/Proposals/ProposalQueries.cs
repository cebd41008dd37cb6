using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Paging;
using OpenGov.SharedKernel.Search;

namespace OpenGov.Consultation.Proposals;

public enum ProposalSort { Newest = 0, MostSupported = 1, MostCommented = 2 }

public sealed record ProposalListQuery(Guid? CycleId, Guid? AxisId, string? Region, SubmitterType? SubmitterType,
    ProposalStatus? Status, string? Search, ProposalSort Sort, string? Cursor, int PageSize = 20);

public sealed record ProposalCard(Guid Id, Guid CycleId, string Title, string Problem, string AuthorDisplayName, string? AssociationName,
    SubmitterType SubmitterType, Guid AxisId, string Region, ProposalStatus Status, DateTime? PublishedAt, int SupportCount, int CommentCount,
    string? WorkshopTitle = null);

public sealed record CreditView(string DisplayName, string? AssociationName, Guid? FromProposalId);

public sealed record ProposalDetail(Guid Id, Guid CycleId, string Title, string Problem, string Solution, string ExpectedImpact,
    Guid AxisId, string Region, string AuthorUserId, string AuthorDisplayName, SubmitterType SubmitterType, Guid? AssociationId,
    string? AssociationName, ProposalStatus Status, bool IsHidden, DateTime CreatedAt, DateTime? SubmittedAt, DateTime? PublishedAt,
    string? RejectionReason, string? WithdrawalReason, Guid? MergedIntoId, int SupportCount, int CommentCount,
    IReadOnlyList<CreditView> Credits, string? WorkshopTitle = null)
{
    public bool IsPublic => Status == ProposalStatus.Published && !IsHidden;

    /// <summary>No longer open to support, but kept on the public record: merged into another idea, or withdrawn by its
    /// author after publication (the page says so, with the reason). Hidden ideas and never-published ones stay private.</summary>
    public bool IsPublicRecord => !IsHidden && (Status == ProposalStatus.Merged
        || (Status == ProposalStatus.Withdrawn && PublishedAt is not null));
}

public sealed record CommentView(Guid Id, Guid? ParentId, string AuthorDisplayName, string Body, DateTime CreatedAt, bool IsHidden, int ReplyCount);

public sealed record CommentThread(CommentView Comment, IReadOnlyList<CommentView> Replies);

public sealed record MyProposal(Guid Id, string Title, ProposalStatus Status, DateTime UpdatedAt, int SupportCount, int CommentCount);

public sealed record ProposalExportRow(Guid Id, Guid CycleId, string Title, string Problem, string Solution, string ExpectedImpact,
    string Axis, string Region, string SubmitterType, string Author, string? Association, string Status, DateTime? PublishedAt,
    int SupportCount, int CommentCount);

/// <summary>Read side of proposals: the public list (filters, sorts, full-text search, keyset pages), a proposal and its
/// comment threads (keyset pages), the similar-ideas lookup, an author's own proposals and the moderators' export.</summary>
public sealed class ProposalQueries(DbContext db, ISearchIndex search)
{
    /// <summary>Statuses a visitor may filter the public list on; anything else is never listed.</summary>
    public static readonly IReadOnlyList<ProposalStatus> PublicStatuses = [ProposalStatus.Published, ProposalStatus.Merged];

    public const int CommentsPageSize = 20;
    private const int RepliesPerComment = 50;

    public async Task<KeysetPage<ProposalCard>> ListAsync(ProposalListQuery q, CancellationToken ct = default)
    {
        var size = Math.Clamp(q.PageSize, 1, 100);
        var status = q.Status is { } s && PublicStatuses.Contains(s) ? s : ProposalStatus.Published;
        var query = db.Set<Proposal>().AsNoTracking().Where(p => p.Status == status && !p.IsHidden && p.PublishedAt != null);
        if (q.CycleId is { } cycleId) query = query.Where(p => p.CycleId == cycleId);
        if (q.AxisId is { } axisId) query = query.Where(p => p.AxisId == axisId);
        if (!string.IsNullOrEmpty(q.Region)) query = query.Where(p => p.Region == q.Region);
        if (q.SubmitterType is { } type) query = query.Where(p => p.SubmitterType == type);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            // Full-text search narrows the list to the best 1,000 matches; the chosen sort and keyset paging still apply.
            var keys = await search.MatchingKeysAsync(SearchKinds.Proposal, q.Search, 1000, ct);
            var ids = keys.Select(k => Guid.TryParse(k, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
            return await SearchPageAsync(query.Where(p => ids.Contains(p.Id)), q, size, ct);
        }
        var hasCursor = KeysetCursor.TryDecodeNumber(q.Cursor, out var key, out var lastId);
        switch (q.Sort)
        {
            case ProposalSort.MostSupported:
                if (hasCursor)
                {
                    var k = (int)key;
                    query = query.Where(p => p.SupportCount < k || (p.SupportCount == k && p.Id.CompareTo(lastId) < 0));
                }
                query = query.OrderByDescending(p => p.SupportCount).ThenByDescending(p => p.Id);
                break;
            case ProposalSort.MostCommented:
                if (hasCursor)
                {
                    var k = (int)key;
                    query = query.Where(p => p.CommentCount < k || (p.CommentCount == k && p.Id.CompareTo(lastId) < 0));
                }
                query = query.OrderByDescending(p => p.CommentCount).ThenByDescending(p => p.Id);
                break;
            default:
                if (hasCursor)
                {
                    DateTime? at = new DateTime(key, DateTimeKind.Utc);
                    query = query.Where(p => p.PublishedAt < at || (p.PublishedAt == at && p.Id.CompareTo(lastId) < 0));
                }
                query = query.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id);
                break;
        }
        var rows = await query.Take(size + 1)
            .Select(p => new ProposalCard(p.Id, p.CycleId, p.Title, p.Problem.Length > 300 ? p.Problem.Substring(0, 300) : p.Problem,
                p.AuthorDisplayName, p.AssociationName, p.SubmitterType, p.AxisId, p.Region, p.Status, p.PublishedAt, p.SupportCount, p.CommentCount, p.WorkshopTitle))
            .ToListAsync(ct);
        string? next = null;
        if (rows.Count > size)
        {
            var last = rows[size - 1];
            var lastKey = q.Sort switch
            {
                ProposalSort.MostSupported => last.SupportCount,
                ProposalSort.MostCommented => last.CommentCount,
                _ => last.PublishedAt!.Value.Ticks,
            };
            next = KeysetCursor.Encode(lastKey, last.Id);
        }
        return new KeysetPage<ProposalCard>(rows.Take(size).ToList(), next);
    }

    /// <summary>A page of search results: at most 1,000 matches, fetched by primary key with their sort keys, ordered and
    /// paged in memory (a database would otherwise walk the whole sort index looking for them), then projected.</summary>
    private async Task<KeysetPage<ProposalCard>> SearchPageAsync(IQueryable<Proposal> matches, ProposalListQuery q, int size, CancellationToken ct)
    {
        var keys = await matches.Select(p => new { p.Id, p.PublishedAt, p.SupportCount, p.CommentCount }).ToListAsync(ct);
        long Key(DateTime? at, int supports, int comments) => q.Sort switch
        {
            ProposalSort.MostSupported => supports,
            ProposalSort.MostCommented => comments,
            _ => at?.Ticks ?? 0,
        };
        var ordered = keys.Select(k => (k.Id, Key: Key(k.PublishedAt, k.SupportCount, k.CommentCount)))
            .OrderByDescending(k => k.Key).ThenByDescending(k => k.Id).AsEnumerable();
        if (KeysetCursor.TryDecodeNumber(q.Cursor, out var after, out var lastId))
            ordered = ordered.Where(k => k.Key < after || (k.Key == after && k.Id.CompareTo(lastId) < 0));
        var page = ordered.Take(size + 1).ToList();
        var pageIds = page.Take(size).Select(k => k.Id).ToList();
        var cards = await db.Set<Proposal>().AsNoTracking().Where(p => pageIds.Contains(p.Id))
            .Select(p => new ProposalCard(p.Id, p.CycleId, p.Title, p.Problem.Length > 300 ? p.Problem.Substring(0, 300) : p.Problem,
                p.AuthorDisplayName, p.AssociationName, p.SubmitterType, p.AxisId, p.Region, p.Status, p.PublishedAt, p.SupportCount, p.CommentCount, p.WorkshopTitle))
            .ToDictionaryAsync(c => c.Id, ct);
        var next = page.Count > size ? KeysetCursor.Encode(page[size - 1].Key, page[size - 1].Id) : null;
        return new KeysetPage<ProposalCard>(pageIds.Where(cards.ContainsKey).Select(id => cards[id]).ToList(), next);
    }

    public async Task<ProposalDetail?> DetailAsync(Guid id, CancellationToken ct = default)
    {
        var p = await db.Set<Proposal>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var credits = await db.Set<ProposalCredit>().AsNoTracking().Where(c => c.ProposalId == id).OrderBy(c => c.CreatedAt)
            .Select(c => new CreditView(c.DisplayName, c.AssociationName, c.FromProposalId)).ToListAsync(ct);
        return new ProposalDetail(p.Id, p.CycleId, p.Title, p.Problem, p.Solution, p.ExpectedImpact, p.AxisId, p.Region, p.AuthorUserId,
            p.AuthorDisplayName, p.SubmitterType, p.AssociationId, p.AssociationName, p.Status, p.IsHidden, p.CreatedAt, p.SubmittedAt,
            p.PublishedAt, p.RejectionReason, p.WithdrawalReason, p.MergedIntoId, p.SupportCount, p.CommentCount, credits, p.WorkshopTitle);
    }

    public Task<bool> SupportsAsync(string userId, Guid proposalId, CancellationToken ct = default)
        => db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == proposalId && s.UserId == userId, ct);

    /// <summary>A page of top-level comments, oldest first, each with its replies (two queries per page, whatever its size).</summary>
    public async Task<KeysetPage<CommentThread>> CommentsAsync(Guid proposalId, string? cursor, CancellationToken ct = default)
    {
        var query = db.Set<ProposalComment>().AsNoTracking().Where(c => c.ProposalId == proposalId && c.ParentId == null);
        if (KeysetCursor.TryDecodeNumber(cursor, out var key, out var lastId))
        {
            var at = new DateTime(key, DateTimeKind.Utc);
            query = query.Where(c => c.CreatedAt > at || (c.CreatedAt == at && c.Id.CompareTo(lastId) > 0));
        }
        var top = await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(CommentsPageSize + 1)
            .Select(c => new CommentView(c.Id, c.ParentId, c.AuthorDisplayName, c.Body, c.CreatedAt, c.IsHidden, c.ReplyCount))
            .ToListAsync(ct);
        var page = top.Take(CommentsPageSize).ToList();
        var parentIds = page.Where(c => c.ReplyCount > 0).Select(c => c.Id).ToList();
        var replies = parentIds.Count == 0 ? [] : await db.Set<ProposalComment>().AsNoTracking()
            .Where(c => c.ProposalId == proposalId && c.ParentId != null && parentIds.Contains(c.ParentId.Value))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.ParentId, c.AuthorDisplayName, c.Body, c.CreatedAt, c.IsHidden, 0))
            .ToListAsync(ct);
        var byParent = replies.GroupBy(r => r.ParentId!.Value).ToDictionary(g => g.Key, g => g.Take(RepliesPerComment).ToList());
        var threads = page.Select(c => new CommentThread(c, byParent.GetValueOrDefault(c.Id) ?? [])).ToList();
        var next = top.Count > CommentsPageSize ? KeysetCursor.Encode(page[^1].CreatedAt.Ticks, page[^1].Id) : null;
        return new KeysetPage<CommentThread>(threads, next);
    }

    /// <summary>The cursor of the comment page that ends with the thread of <paramref name="commentId"/> (itself or the
    /// reply's parent), null when that is the first page: where to send its author after posting. Counts back at most one
    /// page from the comment, whatever the number of comments.</summary>
    public async Task<string?> CommentPageCursorAsync(Guid proposalId, Guid commentId, CancellationToken ct = default)
    {
        var comment = await db.Set<ProposalComment>().AsNoTracking().Where(c => c.Id == commentId && c.ProposalId == proposalId)
            .Select(c => new { c.Id, c.ParentId, c.CreatedAt }).FirstOrDefaultAsync(ct);
        if (comment is null) return null;
        var thread = comment.ParentId is { } parentId
            ? await db.Set<ProposalComment>().AsNoTracking().Where(c => c.Id == parentId).Select(c => new { c.Id, c.ParentId, c.CreatedAt }).FirstAsync(ct)
            : comment;
        // The thread is the last of its page: the page starts after the (page size)th top-level comment before it.
        var before = await db.Set<ProposalComment>().AsNoTracking()
            .Where(c => c.ProposalId == proposalId && c.ParentId == null
                && (c.CreatedAt < thread.CreatedAt || (c.CreatedAt == thread.CreatedAt && c.Id.CompareTo(thread.Id) < 0)))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip(CommentsPageSize - 1).Select(c => new { c.Id, c.CreatedAt }).FirstOrDefaultAsync(ct);
        return before is null ? null : KeysetCursor.Encode(before.CreatedAt.Ticks, before.Id);
    }

    /// <summary>"Maybe your idea is already here": published proposals whose text matches what is being typed.</summary>
    public async Task<IReadOnlyList<SearchHit>> SimilarAsync(string text, CancellationToken ct = default)
    {
        // The longest words carry the meaning; requiring all of a long text's words would match nothing.
        var words = SearchIndex.Terms(text).Where(t => t.Length >= 4).OrderByDescending(t => t.Length).Take(3).ToList();
        if (words.Count == 0) return [];
        var hits = await search.SearchAsync(string.Join(' ', words), SearchKinds.Proposal, 5, ct);
        if (hits.Count == 0 && words.Count > 1) hits = await search.SearchAsync(words[0], SearchKinds.Proposal, 5, ct);
        return hits;
    }

    public async Task<IReadOnlyList<MyProposal>> MineAsync(string userId, CancellationToken ct = default)
        => await db.Set<Proposal>().AsNoTracking().Where(p => p.AuthorUserId == userId).OrderByDescending(p => p.UpdatedAt).Take(200)
            .Select(p => new MyProposal(p.Id, p.Title, p.Status, p.UpdatedAt, p.SupportCount, p.CommentCount)).ToListAsync(ct);

    /// <summary>Public proposals for the moderators' export: public display names only, never e-mails or user ids.</summary>
    public async IAsyncEnumerable<ProposalExportRow> ExportAsync(Guid? cycleId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var axes = await db.Set<Cycles.CycleAxis>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.NameFr, ct);
        var query = db.Set<Proposal>().AsNoTracking().Where(p => p.Status != ProposalStatus.Draft);
        if (cycleId is { } c) query = query.Where(p => p.CycleId == c);
        await foreach (var p in query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => new
        {
            p.Id, p.CycleId, p.Title, p.Problem, p.Solution, p.ExpectedImpact, p.AxisId, p.Region, p.SubmitterType,
            p.AuthorDisplayName, p.AssociationName, p.Status, p.IsHidden, p.PublishedAt, p.SupportCount, p.CommentCount,
        }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new ProposalExportRow(p.Id, p.CycleId, p.Title, p.Problem, p.Solution, p.ExpectedImpact,
                axes.GetValueOrDefault(p.AxisId) ?? "", p.Region, p.SubmitterType.ToString(), p.AuthorDisplayName, p.AssociationName,
                p.IsHidden ? "Hidden" : p.Status.ToString(), p.PublishedAt, p.SupportCount, p.CommentCount);
        }
    }
}
