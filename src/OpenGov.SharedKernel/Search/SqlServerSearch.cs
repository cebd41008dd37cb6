using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace OpenGov.SharedKernel.Search;

/// <summary>
/// Site search on SQL Server, in one of two modes chosen at start-up (<see cref="EnsureAsync"/>) per database:
/// <list type="bullet">
/// <item><b>Full text</b> when the instance has Full-Text Search installed: a full-text index over SearchEntries (Title, Body),
/// neutral word breaker (French and Arabic alike, no stemming), accent-insensitive catalog; queries use CONTAINSTABLE with a
/// prefix term per word, all required, ranked by RANK.</item>
/// <item><b>Fallback</b> otherwise (e.g. the Linux container image without the mssql-server-fts package, some Azure SQL tiers):
/// LIKE '%word%' for every word over Title and Body, whose accent- and case-insensitive collation
/// (Latin1_General_100_CI_AI_SC_UTF8, set by the SQL Server context) does the folding; titles that match rank first,
/// then the newest. It scans the table: fine for thousands of entries, install Full-Text Search beyond.</item>
/// </list>
/// SQL Server has no headline function, so snippets are cut in C# around the first matching word in both modes.
/// </summary>
public static class SqlServerSearch
{
    private const string Catalog = "OpenGovSearch";

    // Per database (server + name): whether the full-text index is there. Filled at start-up, else on first search.
    private static readonly ConcurrentDictionary<string, bool> FullText = new();

    public static bool IsSqlServer(DbContext db) => db.Database.ProviderName?.EndsWith(".SqlServer", StringComparison.Ordinal) == true;

    /// <param name="allowFullText">False forces the fallback (Search:SqlServerFullText=false): the full-text index is filled
    /// asynchronously, a few seconds after each change, which tests that search right after writing cannot wait for.</param>
    public static async Task EnsureAsync(DbContext db, bool allowFullText, CancellationToken ct)
    {
        var installed = allowFullText
            && await ScalarAsync(db, "SELECT CAST(ISNULL(FULLTEXTSERVICEPROPERTY('IsFullTextInstalled'), 0) AS int) AS [Value]", ct) == 1;
        if (installed)
        {
            // Full-text DDL cannot run inside a user transaction; each statement is idempotent.
            await db.Database.ExecuteSqlRawAsync($"""
                IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = '{Catalog}')
                  CREATE FULLTEXT CATALOG [{Catalog}] WITH ACCENT_SENSITIVITY = OFF;
                """, ct);
            await db.Database.ExecuteSqlRawAsync($"""
                IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('[SearchEntries]'))
                  CREATE FULLTEXT INDEX ON [SearchEntries] ([Title] LANGUAGE 0, [Body] LANGUAGE 0)
                  KEY INDEX [PK_SearchEntries] ON [{Catalog}] WITH CHANGE_TRACKING AUTO;
                """, ct);
        }
        FullText[Key(db)] = installed;
    }

    /// <summary>Whether this database searches with CONTAINSTABLE (else the LIKE fallback).</summary>
    public static async Task<bool> HasFullTextAsync(DbContext db, CancellationToken ct)
    {
        var key = Key(db);
        if (FullText.TryGetValue(key, out var known)) return known;
        var has = await ScalarAsync(db, "SELECT CAST(ISNULL(OBJECTPROPERTYEX(OBJECT_ID('[SearchEntries]'), 'TableHasActiveFulltextIndex'), 0) AS int) AS [Value]", ct) == 1;
        return FullText[key] = has;
    }

    /// <summary>Forces a mode for a database (tests of the fallback on an instance that has full text).</summary>
    public static void UseFullText(DbContext db, bool fullText) => FullText[Key(db)] = fullText;

    public static async Task<IReadOnlyList<SearchRow>> SearchAsync(DbContext db, IReadOnlyList<string> terms, string? kind, int limit, CancellationToken ct)
    {
        List<RawRow> rows;
        if (await HasFullTextAsync(db, ct))
        {
            rows = await db.Database.SqlQueryRaw<RawRow>("""
                SELECT TOP ({2}) e.[Kind], e.[Key], e.[Title], e.[Url], e.[Body], CAST(k.[RANK] AS float) AS [Rank]
                FROM CONTAINSTABLE([SearchEntries], ([Title], [Body]), {0}) k
                JOIN [SearchEntries] e ON e.[Id] = k.[KEY]
                WHERE {1} = N'' OR e.[Kind] = {1}
                ORDER BY k.[RANK] DESC, e.[Id] DESC
                """, ContainsQuery(terms), kind ?? "", limit).ToListAsync(ct);
        }
        else
        {
            var (where, args) = LikeWhere(terms, "e.[Title]", "e.[Body]", firstIndex: 2);
            var titleHit = string.Join(" AND ", Enumerable.Range(0, terms.Count).Select(i => $"e.[Title] LIKE {{{i + 2}}}"));
            // Only fixed fragments and placeholders are interpolated: the words stay parameters.
            var sql = $$"""
                SELECT TOP ({1}) e.[Kind], e.[Key], e.[Title], e.[Url], e.[Body],
                       CAST(CASE WHEN {{titleHit}} THEN 2 ELSE 1 END AS float) AS [Rank]
                FROM [SearchEntries] e
                WHERE ({0} = N'' OR e.[Kind] = {0}) AND {{where}}
                ORDER BY [Rank] DESC, e.[Id] DESC
                """;
            rows = await db.Database.SqlQueryRaw<RawRow>(sql, [kind ?? "", limit, .. args]).ToListAsync(ct);
        }
        return rows.Select(r => new SearchRow(r.Kind, r.Key, r.Title, r.Url, Snippet(r.Body, terms), r.Rank)).ToList();
    }

    public static async Task<IReadOnlyList<string>> MatchingKeysAsync(DbContext db, string kind, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        if (await HasFullTextAsync(db, ct))
        {
            return await db.Database.SqlQueryRaw<string>("""
                SELECT TOP ({2}) e.[Key] AS [Value] FROM [SearchEntries] e
                WHERE e.[Kind] = {1} AND CONTAINS(([Title], [Body]), {0})
                ORDER BY e.[Id] DESC
                """, ContainsQuery(terms), kind, limit).ToListAsync(ct);
        }
        var (where, args) = LikeWhere(terms, "e.[Title]", "e.[Body]", firstIndex: 2);
        var sql = $$"""
            SELECT TOP ({1}) e.[Key] AS [Value] FROM [SearchEntries] e
            WHERE e.[Kind] = {0} AND {{where}}
            ORDER BY e.[Id] DESC
            """;
        return await db.Database.SqlQueryRaw<string>(sql, [kind, limit, .. args]).ToListAsync(ct);
    }

    /// <summary>"word*" AND "other*": terms are letters and digits only (<see cref="SearchIndex.Terms"/>), so quoting is enough.</summary>
    public static string ContainsQuery(IReadOnlyList<string> terms) => string.Join(" AND ", terms.Select(t => $"\"{t}*\""));

    /// <summary>Every word in the title or the body. Terms hold no LIKE wildcard (letters and digits only).</summary>
    public static (string Where, object[] Args) LikeWhere(IReadOnlyList<string> terms, string title, string body, int firstIndex)
    {
        var where = string.Join(" AND ", terms.Select((_, i) => $"({title} LIKE {{{firstIndex + i}}} OR {body} LIKE {{{firstIndex + i}}})"));
        return (where, terms.Select(t => (object)$"%{t}%").ToArray());
    }

    /// <summary>About 30 words around the first word that matches (ignoring case and accents), matches between
    /// \u0001 and \u0002 like the other providers' snippets.</summary>
    public static string Snippet(string body, IReadOnlyList<string> terms)
    {
        if (string.IsNullOrEmpty(body)) return "";
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions fold = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var words = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var stems = terms.Where(ArabicSearchText.HasArabic).Select(ArabicSearchText.QueryStem).ToList();
        bool Matches(string w) => terms.Any(t => compare.IsPrefix(w.TrimStart('(', '«', '"', '\''), t, fold))
            || stems.Any(t => ArabicSearchText.Matches(w, t));
        var first = Array.FindIndex(words, Matches);
        var start = Math.Max(0, first - 8);
        var sb = new StringBuilder(start > 0 ? "… " : "");
        foreach (var w in words.Skip(start).Take(30))
            sb.Append(Matches(w) ? "\u0001" + w + "\u0002" : w).Append(' ');
        if (start + 30 < words.Length) sb.Append('…');
        return sb.ToString().TrimEnd();
    }

    private static string Key(DbContext db)
    {
        var c = db.Database.GetDbConnection();
        return c.DataSource + "/" + c.Database;
    }

    private static async Task<int> ScalarAsync(DbContext db, string sql, CancellationToken ct)
        => (await db.Database.SqlQueryRaw<int>(sql).ToListAsync(ct)).Single();

    public sealed record SearchRow(string Kind, string Key, string Title, string Url, string Snippet, double Rank);

    private sealed record RawRow(string Kind, string Key, string Title, string Url, string Body, double Rank);
}
