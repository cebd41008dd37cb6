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
        List<Row> rows;
        if (SearchSchema.IsPostgres(db))
        {
            // Rank and limit over the tsvector alone (id + rank), then build headlines and read titles for the top rows only.
            rows = await db.Database.SqlQueryRaw<Row>("""
                SELECT e."Kind", e."Key", e."Title", e."Url",
                       ts_headline('opengov', e."Body", q, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12, MaxFragments=1') AS "Snippet",
                       t."Rank"
                FROM (SELECT m."Id", ts_rank(m."SearchVector", q)::float8 AS "Rank"
                      FROM "SearchEntries" m, to_tsquery('opengov', {0}) q
                      WHERE m."SearchVector" @@ q AND ({1} = '' OR m."Kind" = {1})
                      ORDER BY "Rank" DESC, m."Id" DESC
                      LIMIT {2}) t
                JOIN "SearchEntries" e ON e."Id" = t."Id", to_tsquery('opengov', {0}) q
                ORDER BY t."Rank" DESC, t."Id" DESC
                """, PostgresQuery(terms), kind ?? "", limit).ToListAsync(ct);
        }
        else
        {
            // FTS5 computes bm25 from its index alone; snippet() has to read and re-tokenize each document, so the inner query
            // ranks and limits (the sorter keeps rowid + rank only) and the outer one makes snippets for the top rows only.
            // The kind filter needs the content row, so it joins SearchEntries only when a kind is asked for.
            const string sql = """
                SELECT e.Kind, e.Key, e.Title, e.Url,
                       snippet(SearchEntriesFts, 1, char(1), char(2), '…', 24) AS Snippet, t.Rank
                FROM (SELECT m.rowid AS Id, -bm25(SearchEntriesFts, 10.0, 1.0) AS Rank
                      FROM SearchEntriesFts m KIND_JOIN
                      WHERE SearchEntriesFts MATCH {0}
                      ORDER BY Rank DESC, m.rowid DESC
                      LIMIT {2}) t
                JOIN SearchEntriesFts ON SearchEntriesFts.rowid = t.Id
                JOIN SearchEntries e ON e.Id = t.Id
                WHERE SearchEntriesFts MATCH {0}
                ORDER BY t.Rank DESC, t.Id DESC
                """;
            // A fixed fragment (no user text): the parameters stay parameters.
            var kindJoin = kind is null ? "" : "JOIN SearchEntries k ON k.Id = m.rowid AND k.Kind = {1}";
            rows = await db.Database.SqlQueryRaw<Row>(sql.Replace("KIND_JOIN", kindJoin, StringComparison.Ordinal),
                SqliteQuery(terms), kind ?? "", limit).ToListAsync(ct);
        }
        return rows.Select(r => new SearchHit(r.Kind, r.Key, r.Title, r.Url, SnippetToHtml(r.Snippet), r.Rank)).ToList();
    }

    public async Task<IReadOnlyList<string>> MatchingKeysAsync(string kind, string query, int limit = 1000, CancellationToken ct = default)
    {
        var terms = Terms(query);
        if (terms.Count == 0) return [];
        limit = Math.Clamp(limit, 1, 10_000);
        // No ranking: the caller orders the matches itself, so walk them newest-indexed first and stop at the cap instead of
        // scoring every match (FTS5 reads its doclists in rowid order; PostgreSQL sorts the GIN matches by id only).
        if (SqlServerSearch.IsSqlServer(db)) return await SqlServerSearch.MatchingKeysAsync(db, kind, terms, limit, ct);
        if (SearchSchema.IsPostgres(db))
        {
            return await db.Database.SqlQueryRaw<string>("""
                SELECT e."Key" AS "Value" FROM "SearchEntries" e
                WHERE e."Kind" = {1} AND e."SearchVector" @@ to_tsquery('opengov', {0})
                ORDER BY e."Id" DESC LIMIT {2}
                """, PostgresQuery(terms), kind, limit).ToListAsync(ct);
        }
        return await db.Database.SqlQueryRaw<string>("""
            SELECT e.Key AS Value FROM SearchEntriesFts JOIN SearchEntries e ON e.Id = SearchEntriesFts.rowid
            WHERE SearchEntriesFts MATCH {0} AND e.Kind = {1}
            ORDER BY SearchEntriesFts.rowid DESC LIMIT {2}
            """, SqliteQuery(terms), kind, limit).ToListAsync(ct);
    }

    /// <summary>The words of a query: letters and digits only (any script), so user input can never inject query syntax.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in query.Normalize(NormalizationForm.FormC))
        {
            var cat = char.GetUnicodeCategory(ch);
            if (char.IsLetterOrDigit(ch) || cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                current.Append(ch);
            else if (current.Length > 0) { terms.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) terms.Add(current.ToString());
        return terms.Where(t => t.Length >= 2 || char.IsDigit(t[0])).Distinct().Take(12).ToList();
    }

    private static string SqliteQuery(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => $"\"{t}\"*"));

    private static string PostgresQuery(IReadOnlyList<string> terms) => string.Join(" & ", terms.Select(t => $"{t}:*"));

    private static string SnippetToHtml(string? snippet)
    {
        if (string.IsNullOrEmpty(snippet)) return "";
        return WebUtility.HtmlEncode(snippet).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);
    }

    private sealed record Row(string Kind, string Key, string Title, string Url, string? Snippet, double Rank);
}
