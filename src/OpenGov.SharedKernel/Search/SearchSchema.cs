using Microsoft.EntityFrameworkCore;

namespace OpenGov.SharedKernel.Search;

/// <summary>
/// Creates the provider-specific full-text structures over SearchEntries, idempotently, after migrations.
/// SQLite: an external-content FTS5 table kept in sync by triggers (unicode61 folds Latin accents; Arabic letters are word characters).
/// SQL Server: see <see cref="SqlServerSearch"/> (full-text index when installed, else LIKE under an accent-insensitive collation).
/// PostgreSQL: an "opengov" text-search configuration (simple + unaccent, no stemming, so French and Arabic words both match),
/// a generated tsvector column (title weighted above body) and a GIN index, and the same for the title alone.
/// Both index, beside the text, its Arabic forms computed in C# (<see cref="ArabicSearchText"/>), so both databases match
/// Arabic alike; <see cref="Version"/> records the structures' version so a deployed database is re-indexed once.
/// </summary>
public static class SearchSchema
{
    public static bool IsPostgres(DbContext db) => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    public static async Task EnsureAsync(DbContext db, bool sqlServerFullText = true, CancellationToken ct = default)
    {
        // Building the index of a large table (a million entries: minutes) must not hit the 30 s command timeout, or the site
        // could never start after a schema upgrade.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        try
        {
            await EnsureStructuresAsync(db, sqlServerFullText, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    private static async Task EnsureStructuresAsync(DbContext db, bool sqlServerFullText, CancellationToken ct)
    {
        if (SqlServerSearch.IsSqlServer(db))
        {
            await SqlServerSearch.EnsureAsync(db, sqlServerFullText, ct);
            return;
        }
        var postgres = IsPostgres(db);
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'opengov') THEN
                    CREATE TEXT SEARCH CONFIGURATION opengov (COPY = simple);
                    ALTER TEXT SEARCH CONFIGURATION opengov ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
                  END IF;
                END $$;
                CREATE TABLE IF NOT EXISTS "SearchSchemaVersion" ("Version" integer NOT NULL);
                """, ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""CREATE TABLE IF NOT EXISTS "SearchSchemaVersion" ("Version" integer NOT NULL);""", ct);
        }
        await UpgradeAsync(db, postgres, ct);
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                ALTER TABLE "SearchEntries" ADD COLUMN IF NOT EXISTS "SearchVector" tsvector
                  GENERATED ALWAYS AS (setweight(to_tsvector('opengov'::regconfig, coalesce("Title", '') || ' ' || coalesce("TitleTerms", '')), 'A')
                                    || setweight(to_tsvector('opengov'::regconfig, coalesce("Body", '') || ' ' || coalesce("BodyTerms", '')), 'B')) STORED;
                CREATE INDEX IF NOT EXISTS "IX_SearchEntries_SearchVector" ON "SearchEntries" USING GIN ("SearchVector");
                -- The title alone, for the title tier of common queries (SearchIndex.RankedCandidates).
                ALTER TABLE "SearchEntries" ADD COLUMN IF NOT EXISTS "TitleVector" tsvector
                  GENERATED ALWAYS AS (to_tsvector('opengov'::regconfig, coalesce("Title", '') || ' ' || coalesce("TitleTerms", ''))) STORED;
                CREATE INDEX IF NOT EXISTS "IX_SearchEntries_TitleVector" ON "SearchEntries" USING GIN ("TitleVector");
                """, ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(SqliteStructures, ct);
        }
    }

    /// <summary>The version of the full-text structures; 2: the Arabic forms (TitleTerms, BodyTerms) are indexed.</summary>
    public const int Version = 2;

    // External content: FTS5 reads the text from SearchEntries; the Arabic forms are indexed as two more columns.
    private const string SqliteStructures = """
        CREATE VIRTUAL TABLE IF NOT EXISTS SearchEntriesFts USING fts5(
          Title, Body, TitleTerms, BodyTerms, content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS SearchEntries_ai AFTER INSERT ON SearchEntries BEGIN
          INSERT INTO SearchEntriesFts(rowid, Title, Body, TitleTerms, BodyTerms) VALUES (new.Id, new.Title, new.Body, new.TitleTerms, new.BodyTerms);
        END;
        CREATE TRIGGER IF NOT EXISTS SearchEntries_ad AFTER DELETE ON SearchEntries BEGIN
          INSERT INTO SearchEntriesFts(SearchEntriesFts, rowid, Title, Body, TitleTerms, BodyTerms) VALUES ('delete', old.Id, old.Title, old.Body, old.TitleTerms, old.BodyTerms);
        END;
        CREATE TRIGGER IF NOT EXISTS SearchEntries_au AFTER UPDATE ON SearchEntries BEGIN
          INSERT INTO SearchEntriesFts(SearchEntriesFts, rowid, Title, Body, TitleTerms, BodyTerms) VALUES ('delete', old.Id, old.Title, old.Body, old.TitleTerms, old.BodyTerms);
          INSERT INTO SearchEntriesFts(rowid, Title, Body, TitleTerms, BodyTerms) VALUES (new.Id, new.Title, new.Body, new.TitleTerms, new.BodyTerms);
        END;
        """;

    /// <summary>
    /// Once per database (idempotent, recorded in SearchSchemaVersion): drops the full-text structures of an older version,
    /// computes the Arabic forms of every existing entry in C#, and lets <see cref="EnsureAsync"/> recreate the structures,
    /// which index every row again. In one transaction, so a second instance starting at the same time waits and then skips.
    /// </summary>
    private static async Task UpgradeAsync(DbContext db, bool postgres, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (postgres) await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "SearchSchemaVersion" IN EXCLUSIVE MODE""", ct);
            var current = await db.Database.SqlQueryRaw<int>("""SELECT coalesce(max("Version"), 0) AS "Value" FROM "SearchSchemaVersion" """).SingleAsync(ct);
            if (current >= Version) return;
            await db.Database.ExecuteSqlRawAsync(postgres
                ? """ALTER TABLE "SearchEntries" DROP COLUMN IF EXISTS "SearchVector", DROP COLUMN IF EXISTS "TitleVector";"""
                : """
                  DROP TRIGGER IF EXISTS SearchEntries_ai; DROP TRIGGER IF EXISTS SearchEntries_ad; DROP TRIGGER IF EXISTS SearchEntries_au;
                  DROP TABLE IF EXISTS SearchEntriesFts;
                  """, ct);
            long last = 0;
            while (true)
            {
                var batch = await db.Set<SearchEntry>().AsNoTracking().Where(e => e.Id > last).OrderBy(e => e.Id).Take(500)
                    .Select(e => new { e.Id, e.Title, e.Body }).ToListAsync(ct);
                if (batch.Count == 0) break;
                var forms = batch.Select(r => (r.Id, Title: ArabicSearchText.IndexTerms(r.Title), Body: ArabicSearchText.IndexTerms(r.Body)))
                    .Where(r => r.Title.Length + r.Body.Length > 0).ToList();
                if (forms.Count > 0) await WriteFormsAsync(db, postgres, forms, ct);
                last = batch[^1].Id;
            }
            if (!postgres)
            {
                await db.Database.ExecuteSqlRawAsync(SqliteStructures, ct);
                await db.Database.ExecuteSqlRawAsync("INSERT INTO SearchEntriesFts(SearchEntriesFts) VALUES ('rebuild');", ct);
            }
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "SearchSchemaVersion"; INSERT INTO "SearchSchemaVersion" ("Version") VALUES ({0});""", [Version], ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>One UPDATE per batch (not per row): a million entries are re-indexed in thousands of statements, not a million.</summary>
    private static Task WriteFormsAsync(DbContext db, bool postgres, IReadOnlyList<(long Id, string Title, string Body)> forms, CancellationToken ct)
    {
        var values = string.Join(", ", forms.Select((_, i) => postgres ? $"({{{3 * i}}}::bigint, {{{3 * i + 1}}}, {{{3 * i + 2}}})" : $"({{{3 * i}}}, {{{3 * i + 1}}}, {{{3 * i + 2}}})"));
        var sql = postgres
            ? $"""UPDATE "SearchEntries" AS e SET "TitleTerms" = v.t, "BodyTerms" = v.b FROM (VALUES {values}) AS v(id, t, b) WHERE e."Id" = v.id"""
            : $"""UPDATE SearchEntries SET TitleTerms = v.column2, BodyTerms = v.column3 FROM (VALUES {values}) AS v WHERE SearchEntries.Id = v.column1""";
        var args = forms.SelectMany(f => new object[] { f.Id, f.Title, f.Body }).ToArray();
        return db.Database.ExecuteSqlRawAsync(sql, args, ct);
    }
}
