using Microsoft.EntityFrameworkCore;

namespace OpenGov.SharedKernel.Search;

/// <summary>
/// Creates the provider-specific full-text structures over SearchEntries, idempotently, after migrations.
/// SQLite: an external-content FTS5 table kept in sync by triggers (unicode61 folds Latin accents; Arabic letters are word characters).
/// SQL Server: see <see cref="SqlServerSearch"/> (full-text index when installed, else LIKE under an accent-insensitive collation).
/// PostgreSQL: an "opengov" text-search configuration (simple + unaccent, no stemming, so French and Arabic words both match),
/// a generated tsvector column (title weighted above body) and a GIN index, and the same for the title alone.
/// </summary>
public static class SearchSchema
{
    public static bool IsPostgres(DbContext db) => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    public static async Task EnsureAsync(DbContext db, bool sqlServerFullText = true, CancellationToken ct = default)
    {
        if (SqlServerSearch.IsSqlServer(db))
        {
            await SqlServerSearch.EnsureAsync(db, sqlServerFullText, ct);
            return;
        }
        if (IsPostgres(db))
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'opengov') THEN
                    CREATE TEXT SEARCH CONFIGURATION opengov (COPY = simple);
                    ALTER TEXT SEARCH CONFIGURATION opengov ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
                  END IF;
                END $$;
                ALTER TABLE "SearchEntries" ADD COLUMN IF NOT EXISTS "SearchVector" tsvector
                  GENERATED ALWAYS AS (setweight(to_tsvector('opengov'::regconfig, coalesce("Title", '')), 'A')
                                    || setweight(to_tsvector('opengov'::regconfig, coalesce("Body", '')), 'B')) STORED;
                CREATE INDEX IF NOT EXISTS "IX_SearchEntries_SearchVector" ON "SearchEntries" USING GIN ("SearchVector");
                -- The title alone, for the title tier of common queries (SearchIndex.RankedCandidates).
                ALTER TABLE "SearchEntries" ADD COLUMN IF NOT EXISTS "TitleVector" tsvector
                  GENERATED ALWAYS AS (to_tsvector('opengov'::regconfig, coalesce("Title", ''))) STORED;
                CREATE INDEX IF NOT EXISTS "IX_SearchEntries_TitleVector" ON "SearchEntries" USING GIN ("TitleVector");
                """, ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE VIRTUAL TABLE IF NOT EXISTS SearchEntriesFts USING fts5(
                  Title, Body, content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER IF NOT EXISTS SearchEntries_ai AFTER INSERT ON SearchEntries BEGIN
                  INSERT INTO SearchEntriesFts(rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
                END;
                CREATE TRIGGER IF NOT EXISTS SearchEntries_ad AFTER DELETE ON SearchEntries BEGIN
                  INSERT INTO SearchEntriesFts(SearchEntriesFts, rowid, Title, Body) VALUES ('delete', old.Id, old.Title, old.Body);
                END;
                CREATE TRIGGER IF NOT EXISTS SearchEntries_au AFTER UPDATE ON SearchEntries BEGIN
                  INSERT INTO SearchEntriesFts(SearchEntriesFts, rowid, Title, Body) VALUES ('delete', old.Id, old.Title, old.Body);
                  INSERT INTO SearchEntriesFts(rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
                END;
                """, ct);
        }
    }
}
