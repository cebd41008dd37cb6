using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Content;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Search;
using OpenGov.Web.Data;

namespace OpenGov.IntegrationTests.Search;

public abstract class SiteSearchTests(OpenGovFactory app)
{
    private Task<Guid> NewsAsync(string slug, LocalizedText fr, LocalizedText? ar, bool publish)
        => app.WithScopeAsync(sp => sp.GetRequiredService<ContentEditing>().SaveAsync(null, ContentKind.News, slug, fr, ar, null, publish, "admin"));

    [Fact]
    public async Task Finds_french_and_arabic_words_grouped_by_kind_with_highlighted_snippets()
    {
        await NewsAsync("budget-citoyen-" + Guid.NewGuid().ToString("N")[..6],
            new LocalizedText("Le budget citoyen publié", "La dépense publique expliquée : budget citoyen et données ouvertes."),
            new LocalizedText("نشر الميزانية المواطنة", "شرح النفقات العمومية والمعطيات المفتوحة"), publish: true);
        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ISearchIndex>().UpsertAsync(SearchKinds.Proposal, Guid.NewGuid().ToString(), "Budget participatif communal",
                "Ouvrir le budget des communes aux citoyens", "/proposals/x");
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        var client = app.CreateBrowserlikeClient();

        var french = await client.GetDocumentAsync("/search?q=depense");
        var news = french.QuerySelector("section[data-kind=news]")!;
        Assert.Contains("Le budget citoyen publié", news.TextContent, StringComparison.Ordinal);
        Assert.NotNull(news.QuerySelector("mark"));

        var grouped = await client.GetDocumentAsync("/search?q=budget");
        var kinds = grouped.QuerySelectorAll("section[data-kind]").Select(s => s.GetAttribute("data-kind")).ToList();
        Assert.Equal([SearchKinds.Proposal, SearchKinds.News], kinds.Where(k => k is SearchKinds.Proposal or SearchKinds.News).ToList());

        var arabic = await client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("الميزانية"));
        Assert.Contains("Le budget citoyen publié", arabic.QuerySelector("section[data-kind=news]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublished_news_is_never_found_and_unpublishing_removes_it()
    {
        await NewsAsync("brouillon-" + Guid.NewGuid().ToString("N")[..6], new LocalizedText("Brouillon ornithorynque", "Texte ornithorynque non publié"), null, publish: false);
        var client = app.CreateBrowserlikeClient();
        Assert.Empty((await client.GetDocumentAsync("/search?q=ornithorynque")).QuerySelectorAll(".search-hit"));

        var slug = "publie-" + Guid.NewGuid().ToString("N")[..6];
        var id = await NewsAsync(slug, new LocalizedText("Annonce capybara", "Texte capybara"), null, publish: true);
        Assert.Single((await client.GetDocumentAsync("/search?q=capybara")).QuerySelectorAll(".search-hit"));
        await app.WithScopeAsync(sp => sp.GetRequiredService<ContentEditing>().SaveAsync(id, ContentKind.News, slug,
            new LocalizedText("Annonce capybara", "Texte capybara"), null, null, publish: false, "admin"));
        Assert.Empty((await client.GetDocumentAsync("/search?q=capybara")).QuerySelectorAll(".search-hit"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/news/" + slug)).StatusCode);
    }

    [Fact]
    public async Task Query_text_is_encoded_and_an_empty_query_shows_the_box()
    {
        var client = app.CreateBrowserlikeClient();
        var html = await (await client.GetAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"))).ReadTextAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        var empty = await client.GetDocumentAsync("/search");
        Assert.NotNull(empty.QuerySelector("input#q"));
        Assert.Null(empty.QuerySelector("[data-testid=search-count]"));
    }
}

public sealed class SiteSearchTests_Sqlite(SqliteFactory app) : SiteSearchTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class SiteSearchTests_Postgres(PostgresFactory app) : SiteSearchTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class SiteSearchTests_SqlServer(SqlServerFactory app) : SiteSearchTests(app), IClassFixture<SqlServerFactory>;
