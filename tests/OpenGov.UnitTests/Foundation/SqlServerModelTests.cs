using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenGov.SharedKernel.Search;
using OpenGov.Web.Data;

namespace OpenGov.UnitTests.Foundation;

/// <summary>
/// The SQL Server model and its migrations, checked without an engine (none runs here): the model builds, has no change
/// missing from the SQL Server migrations, and the idempotent script generates with the expected tables, collations and the
/// case-insensitive unique e-mail. The same classes as on SQLite and PostgreSQL run against an engine when
/// OPENGOV_TEST_SQLSERVER is set (integration tests, skipped otherwise).
/// </summary>
public class SqlServerModelTests
{
    private static SqlServerAppDbContext Context() => new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
        .UseSqlServer("Server=unused;Database=unused;TrustServerCertificate=true").Options);

    [Fact]
    public void The_model_has_no_changes_missing_from_the_sql_server_migrations()
    {
        using var db = Context();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The SQL Server model has changes with no migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void The_idempotent_script_creates_the_tables_with_their_collations_and_the_unique_e_mail()
    {
        using var db = Context();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.False(string.IsNullOrWhiteSpace(script));
        foreach (var table in new[] { "AspNetUsers", "Proposals", "OutboxMessages", "SearchEntries", "JobRuns", "AuditEntries", "__EFMigrationsHistory" })
            Assert.Contains($"[{table}]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains($"COLLATE {SqlServerAppDbContext.TextCollation}", script, StringComparison.Ordinal);
        Assert.Contains($"[NormalizedEmail] nvarchar(256) COLLATE {SqlServerAppDbContext.EmailCollation}", script, StringComparison.Ordinal);
        Assert.Matches(@"CREATE UNIQUE INDEX \[EmailIndex\] ON \[AspNetUsers\] \(\[NormalizedEmail\]\) WHERE \[NormalizedEmail\] IS NOT NULL", script);
    }

    [Fact]
    public void Every_text_column_has_an_explicit_collation()
    {
        using var db = Context();
        var missing = db.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(string) && p.GetCollation() is null)
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}").ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Full_text_queries_quote_each_word_as_a_prefix_and_snippets_mark_matches_ignoring_accents()
    {
        Assert.Equal("\"budget*\" AND \"مشاركة*\"", SqlServerSearch.ContainsQuery(SearchIndex.Terms("budget, مشاركة!")));
        var (where, args) = SqlServerSearch.LikeWhere(["ecole", "rurale"], "t", "b", firstIndex: 2);
        Assert.Equal("(t LIKE {2} OR b LIKE {2}) AND (t LIKE {3} OR b LIKE {3})", where);
        Assert.Equal(["%ecole%", "%rurale%"], args);
        var snippet = SqlServerSearch.Snippet("Une École rurale ouverte", ["ecole"]);
        Assert.Equal("Une \u0001École\u0002 rurale ouverte", snippet);
    }
}
