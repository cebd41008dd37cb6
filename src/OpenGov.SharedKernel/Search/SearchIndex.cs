using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace OpenGov.SharedKernel.Search;

/// <summary>A search result. <see cref="SnippetHtml"/> is HTML-encoded text with the matched words in &lt;mark&gt;.</summary>
public sealed record SearchHit(string Kind, string Key, string Title, string Url, string SnippetHtml, double Rank);

public interface ISearchIndex
{
    /// <summary>Adds or refreshes a public document in the caller's unit of work (saved by the caller's SaveChanges).</summary>
    Task UpsertAsync(string kind, string key, string title, string body, string url, CancellationToken ct = default);

    /// <summary>Removes a document (hidden, withdrawn, unpublished) in the caller's unit of work.</summary>
    Task RemoveAsync(string kind, string key, CancellationToken ct = default);

    /// <summary>Full-text search, best first. Every word must match (prefix match on each word). Empty query: no hits.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, string? kind = null, int limit = 20, CancellationToken ct = default);

    /// <summary>The keys of documents of <paramref name="kind"/> matching <paramref name="query"/>, for filtering a list that the
    /// caller sorts itself: unranked, most recently indexed first, at most <paramref name="limit"/> (so beyond the cap the
    /// oldest-indexed matches are left out, not the least relevant).</summary>
    Task<IReadOnlyList<string>> MatchingKeysAsync(string kind, string query, int limit = 1000, CancellationToken ct = default);
}

public sealed class SearchIndex(DbContext db, TimeProvider clock) : ISearchIndex
{
    private const char MarkStart = '\u0001';
    private const char MarkEnd = '\u0002';

    public async Task UpsertAsync(string kind, string key, string title, string body, string url, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var set = db.Set<SearchEntry>();
        var entry = set.Local.FirstOrDefault(e => e.Kind == kind && e.Key == key)
            ?? await set.FirstOrDefaultAsync(e => e.Kind == kind && e.Key == key, ct);
        if (entry is null) set.Add(new SearchEntry(kind, key, title, body, url, now));
        else entry.Update(title, body, url, now);
    }

    public async Task RemoveAsync(string kind, string key, CancellationToken ct = default)
    {
        var set = db.Set<SearchEntry>();
        var entry = set.Local.FirstOrDefault(e => e.Kind == kind && e.Key == key)
            ?? await set.FirstOrDefaultAsync(e => e.Kind == kind && e.Key == key, ct);
        if (entry is not null) set.Remove(entry);
    }

    /// <summary>
    /// At most this many documents are ranked per query. A query matching more (a word found in most documents) ranks its
    /// candidates in tiers: first, among the newest <see cref="RankedCandidates"/> documents with a query word in their title, those matching the query
    /// (a title hit weighs ten body hits, so these are the best documents), then, if they are too few, the newest matches.
    /// Ranking is exact (bm25 / ts_rank) within the candidates; only the candidate set is bounded, so a common word costs
    /// the same as a rare one.
    /// </summary>
    public const int RankedCandidates = 1000;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, string? kind = null, int limit = 20, CancellationToken ct = default)
    {
        var terms = Terms(query);
        if (terms.Count == 0) return [];
        limit = Math.Clamp(limit, 1, 200);
        if (SqlServerSearch.IsSqlServer(db))
        {
            return (await SqlServerSearch.SearchAsync(db, terms, kind, limit, ct))
                .Select(r => new SearchHit(r.Kind, r.Key, r.Title, r.Url, SnippetToHtml(r.Snippet), r.Rank)).ToList();
        }
        var postgres = SearchSchema.IsPostgres(db);
        var stems = Stems(terms);
        if (stems.Count == 0) return []; // only diacritics or tatweel
        var all = postgres ? PostgresQuery(stems) : SqliteQuery(stems);
        List<Ranked> ranked;
        // SQLite: a prefix ("budget"*) merges the doclists of every word it starts (10 ms for a word in every document), an
        // exact word is read lazily (0.1 ms); exact matches are a subset of prefix matches, so many exact ones settle it.
        var exact = postgres ? null : string.Join(' ', stems.Select(t => $"\"{t}\""));
        var common = (exact is not null && await CountAsync(false, exact, kind, ct) > RankedCandidates)
            || await CountAsync(postgres, all, kind, ct) > RankedCandidates;
        if (!common)
        {
            ranked = await RankAsync(postgres, all, kind, limit, ct); // every match ranked: exact
        }
        else
        {
            // A common query: the title tier first, completed by the best of the newest matches if it has too few.
            // PostgreSQL: the title's own tsvector (and GIN index), so the planner knows how rare title hits are.
            if (postgres)
            {
                ranked = await RankAsync(true, all, kind, limit, ct, string.Join(" | ", stems.Select(t => $"{t}:*")));
            }
            else
            {
                // SQLite: a title hit on any word (prefix) among the documents holding every exact word (one word needs no body
                // condition: a title hit is a match); the newest exact title hits bound the rowid range that bm25 ranks, when
                // there are enough of them. Prefix-only matches come with the newest matches below if this tier is short.
                string InTitle(string suffix) => (stems.Count == 1 ? "" : $"({exact}) AND ")
                    + $"{{Title TitleTerms}} : ({string.Join(" OR ", stems.Select(t => $"\"{t}\"{suffix}"))})";
                ranked = await RankAsync(false, InTitle("*"), kind, limit, ct, exactBound: InTitle(""));
            }
            if (ranked.Count < limit)
            {
                var newest = await RankAsync(postgres, all, kind, limit, ct);
                ranked.AddRange(newest.Where(r => ranked.All(b => b.Id != r.Id)));
            }
        }
        var top = ranked.Take(limit).ToList();
        if (top.Count == 0) return [];
        var shown = await SnippetsAsync(postgres, all, terms, top.Select(r => r.Id).ToList(), ct);
        return top.Where(r => shown.ContainsKey(r.Id)).Select(r =>
        {
            var e = shown[r.Id];
            return new SearchHit(e.Kind, e.Key, e.Title, e.Url, SnippetToHtml(e.Snippet), r.Rank);
        }).ToList();
    }

    // Newest matches first. PostgreSQL: for a common word the id index walked backwards finds them at once, for a rare one the
    // GIN index. SQLite: FTS5 walks its doclists in rowid order.
    private const string PostgresCandidates = """
        SELECT m."Id", m."SearchVector" FROM "SearchEntries" m
        WHERE m."SearchVector" @@ to_tsquery('opengov', {0}) AND ({1} = '' OR m."Kind" = {1})
        ORDER BY m."Id" DESC LIMIT {2}
        """;

    private const string SqliteCandidates = """
        SELECT f.rowid AS Id FROM SearchEntriesFts f KIND_JOIN WHERE SearchEntriesFts MATCH {0} ORDER BY f.rowid DESC LIMIT {2}
        """;

    private static string SqliteKindJoin(string? kind) => kind is null ? "" : "JOIN SearchEntries k ON k.Id = f.rowid AND k.Kind = {1}";

    /// <summary>The number of matches, counted up to one more than <see cref="RankedCandidates"/> (no ranking: cheap).</summary>
    private async Task<int> CountAsync(bool postgres, string match, string? kind, CancellationToken ct)
    {
        var sql = postgres
            ? "SELECT count(*)::int AS \"Value\" FROM (" + PostgresCandidates + ") c"
            : "SELECT count(*) AS Value FROM (" + SqliteCandidates.Replace("KIND_JOIN", SqliteKindJoin(kind), StringComparison.Ordinal) + ")";
        return await db.Database.SqlQueryRaw<int>(sql, match, kind ?? "", RankedCandidates + 1).SingleAsync(ct);
    }

    /// <summary>The best <paramref name="limit"/> of the newest <see cref="RankedCandidates"/> matches, best first.</summary>
    private async Task<List<Ranked>> RankAsync(bool postgres, string match, string? kind, int limit, CancellationToken ct, string? title = null,
        string? exactBound = null)
    {
        if (postgres)
        {
            // Title tier: the candidates come from the title's index alone and the whole query filters them afterwards (the
            // LIMIT keeps it out of the scan). Asking both indexes at once made PostgreSQL build the bitmap of every document
            // with the word (14 % of a million: 190 ms) to intersect it with the title hits.
            var candidates = title is null ? PostgresCandidates
                : PostgresCandidates.Replace("""m."SearchVector" @@ to_tsquery('opengov', {0})""", """m."TitleVector" @@ to_tsquery('opengov', {4})""", StringComparison.Ordinal);
            var from = title is null ? 0 : await TitleWindowAsync(title, kind, ct);
            if (from > 0) candidates = candidates.Replace("WHERE ", """WHERE m."Id" >= {5} AND """, StringComparison.Ordinal);
            var sql = $$"""
                SELECT c."Id", ts_rank(c."SearchVector", to_tsquery('opengov', {0}))::float8 AS "Rank" FROM ({{candidates}}) c
                {{(title is null ? "" : """WHERE c."SearchVector" @@ to_tsquery('opengov', {0})""")}}
                ORDER BY "Rank" DESC, c."Id" DESC LIMIT {3}
                """;
            var rows = await db.Database.SqlQueryRaw<Ranked>(sql, match, kind ?? "", RankedCandidates, limit, title ?? "", from).ToListAsync(ct);
            return rows;
        }
        else
        {
            // The lowest rowid of the newest candidates bounds the range bm25 ranks (bm25 is the costly part: it reads each
            // document's size).
            var kindJoin = SqliteKindJoin(kind);
            var candidates = SqliteCandidates.Replace("KIND_JOIN", kindJoin, StringComparison.Ordinal);
            var bound = $"(SELECT coalesce(min(Id), 0) FROM ({candidates}))";
            if (exactBound is not null) // the exact words' bound when they fill the candidates, else the prefix's (CASE is lazy)
                bound = $"(SELECT CASE WHEN count(*) >= {{2}} THEN min(Id) ELSE {bound} END FROM ({candidates.Replace("{0}", "{4}", StringComparison.Ordinal)}))";
            var sql = $$"""
                SELECT f.rowid AS Id, -bm25(SearchEntriesFts, 10.0, 1.0) AS Rank FROM SearchEntriesFts f {{kindJoin}}
                WHERE SearchEntriesFts MATCH {0} AND f.rowid >= {{bound}}
                ORDER BY Rank DESC, f.rowid DESC LIMIT {3}
                """;
            var rows = await db.Database.SqlQueryRaw<Ranked>(sql, match, kind ?? "", RankedCandidates, limit, exactBound ?? "").ToListAsync(ct);
            return rows;
        }
    }

    private const int TitleSample = 2000;

    /// <summary>
    /// PostgreSQL cannot estimate how many titles a prefix matches (2,001 guessed for 51,026 at 100,000 entries), so it read
    /// every title hit to keep the newest. When the newest titles show the words often (5 % or more of a sample), the title
    /// tier reads only the newest entries that should hold twice the candidates it needs: the lowest id of that range,
    /// or 0 to read the title index whole.
    /// </summary>
    private async Task<long> TitleWindowAsync(string title, string? kind, CancellationToken ct)
    {
        var hits = await db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM (SELECT m."TitleVector" FROM "SearchEntries" m WHERE ({1} = '' OR m."Kind" = {1})
            ORDER BY m."Id" DESC LIMIT {2}) s WHERE s."TitleVector" @@ to_tsquery('opengov', {0})
            """, title, kind ?? "", TitleSample).SingleAsync(ct);
        if (hits < TitleSample / 20) return 0;
        return await db.Database.SqlQueryRaw<long>("""
            SELECT coalesce(min(s."Id"), 0) AS "Value" FROM (SELECT m."Id" FROM "SearchEntries" m WHERE ({1} = '' OR m."Kind" = {1})
            ORDER BY m."Id" DESC LIMIT {0}) s
            """, 2L * RankedCandidates * TitleSample / hits, kind ?? "").SingleAsync(ct);
    }

    /// <summary>Titles, addresses and snippets of the shown hits only (a snippet re-reads and re-tokenizes its document).</summary>
    private async Task<Dictionary<long, Shown>> SnippetsAsync(bool postgres, string match, IReadOnlyList<string> terms, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var list = string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture))); // numbers only: no injection
        var sql = postgres
            ? $$"""
                SELECT e."Id", e."Kind", e."Key", e."Title", e."Url",
                       ts_headline('opengov', e."Body", to_tsquery('opengov', {0}), 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12, MaxFragments=1') AS "Snippet"
                FROM "SearchEntries" e WHERE e."Id" IN ({{list}})
                """
            // SQLite: FTS5's snippet() needs the document's row in a MATCH scan, which for a common word walks the whole doclist
            // per row; the text of 50 rows is read by primary key instead and the snippet cut in C# (as on SQL Server).
            : $$"""
                SELECT e.Id, e.Kind, e.Key, e.Title, e.Url, e.Body AS Snippet FROM SearchEntries e WHERE e.Id IN ({{list}})
                """;
        var rows = await (postgres ? db.Database.SqlQueryRaw<Shown>(sql, match) : db.Database.SqlQueryRaw<Shown>(sql)).ToListAsync(ct);
        if (!postgres) rows = rows.Select(r => r with { Snippet = SqlServerSearch.Snippet(r.Snippet ?? "", terms) }).ToList();
        return rows.ToDictionary(r => r.Id);
    }

    public async Task<IReadOnlyList<string>> MatchingKeysAsync(string kind, string query, int limit = 1000, CancellationToken ct = default)
    {
        var terms = Terms(query);
        if (terms.Count == 0) return [];
        limit = Math.Clamp(limit, 1, 10_000);
        // No ranking: the caller orders the matches itself, so walk them newest-indexed first and stop at the cap instead of
        // scoring every match (FTS5 reads its doclists in rowid order; PostgreSQL sorts the GIN matches by id only).
        if (SqlServerSearch.IsSqlServer(db)) return await SqlServerSearch.MatchingKeysAsync(db, kind, terms, limit, ct);
        var stems = Stems(terms);
        if (stems.Count == 0) return [];
        if (SearchSchema.IsPostgres(db))
        {
            return await db.Database.SqlQueryRaw<string>("""
                SELECT e."Key" AS "Value" FROM "SearchEntries" e
                WHERE e."Kind" = {1} AND e."SearchVector" @@ to_tsquery('opengov', {0})
                ORDER BY e."Id" DESC LIMIT {2}
                """, PostgresQuery(stems), kind, limit).ToListAsync(ct);
        }
        return await db.Database.SqlQueryRaw<string>("""
            SELECT e.Key AS Value FROM SearchEntriesFts JOIN SearchEntries e ON e.Id = SearchEntriesFts.rowid
            WHERE SearchEntriesFts MATCH {0} AND e.Kind = {1}
            ORDER BY SearchEntriesFts.rowid DESC LIMIT {2}
            """, SqliteQuery(stems), kind, limit).ToListAsync(ct);
    }

    /// <summary>The words of a query: letters and digits only (any script), so user input can never inject query syntax.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var terms = ArabicSearchText.Words(query.Normalize(NormalizationForm.FormC));
        return terms.Where(t => t.Length >= 2 || char.IsDigit(t[0])).Distinct().Take(12).ToList();
    }

    /// <summary>The words as indexed: Arabic words by their stem (matched against the indexed Arabic forms), others as typed.</summary>
    private static IReadOnlyList<string> Stems(IReadOnlyList<string> terms) => terms.Select(ArabicSearchText.QueryStem).Where(t => t.Length > 0).Distinct().ToList();

    private static string SqliteQuery(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => $"\"{t}\"*"));

    private static string PostgresQuery(IReadOnlyList<string> terms) => string.Join(" & ", terms.Select(t => $"{t}:*"));

    private static string SnippetToHtml(string? snippet)
    {
        if (string.IsNullOrEmpty(snippet)) return "";
        return WebUtility.HtmlEncode(snippet).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);
    }

    private sealed record Ranked(long Id, double Rank);

    private sealed record Shown(long Id, string Kind, string Key, string Title, string Url, string? Snippet);
}
