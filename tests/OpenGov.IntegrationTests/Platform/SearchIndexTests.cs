using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Search;
using OpenGov.Web.Data;

namespace OpenGov.IntegrationTests.Platform;

public abstract class SearchIndexTests(OpenGovFactory app)
{
    private async Task IndexAsync(string kind, string key, string title, string body)
        => await app.WithScopeAsync(async sp =>
        {
            var index = sp.GetRequiredService<ISearchIndex>();
            await index.UpsertAsync(kind, key, title, body, $"/{kind}/{key}");
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

    private Task<IReadOnlyList<SearchHit>> SearchAsync(string q, string? kind = null)
        => app.WithScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().SearchAsync(q, kind));

    [Fact]
    public async Task Finds_french_words_without_accents_and_by_prefix_with_a_marked_snippet()
    {
        var key = Guid.NewGuid().ToString("N");
        await IndexAsync(SearchKinds.News, key, "Transparence budgétaire", "Publication du budget citoyen et des données ouvertes sur la dépense publique.");
        var hits = await SearchAsync("depense budg");
        var hit = Assert.Single(hits, h => h.Key == key);
        Assert.Equal(SearchKinds.News, hit.Kind);
        Assert.Contains("<mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finds_arabic_words()
    {
        var key = Guid.NewGuid().ToString("N");
        await IndexAsync(SearchKinds.Proposal, key, "الحق في الحصول على المعلومات", "نشر المعطيات المفتوحة حول الميزانية");
        var hits = await SearchAsync("المعلومات");
        Assert.Contains(hits, h => h.Key == key);
    }

    [Fact]
    public async Task Removed_documents_are_not_found_and_html_in_content_is_encoded()
    {
        var key = Guid.NewGuid().ToString("N");
        await IndexAsync(SearchKinds.Event, key, "Atelier zygomorphe", "<script>alert(1)</script> zygomorphe");
        var hit = Assert.Single(await SearchAsync("zygomorphe"), h => h.Key == key);
        Assert.DoesNotContain("<script>", hit.SnippetHtml, StringComparison.Ordinal);
        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ISearchIndex>().RemoveAsync(SearchKinds.Event, key);
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        Assert.DoesNotContain(await SearchAsync("zygomorphe"), h => h.Key == key);
    }

    [Fact]
    public async Task Query_syntax_in_user_input_is_harmless()
    {
        Assert.Empty(await SearchAsync("\" OR * NEAR( ) : & | !"));
        Assert.Empty(await SearchAsync(""));
        await SearchAsync("budget\" OR title:*");
    }
}

public sealed class SearchIndexTests_Sqlite(SqliteFactory app) : SearchIndexTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class SearchIndexTests_Postgres(PostgresFactory app) : SearchIndexTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class SearchIndexTests_SqlServer(SqlServerFactory app) : SearchIndexTests(app), IClassFixture<SqlServerFactory>;
