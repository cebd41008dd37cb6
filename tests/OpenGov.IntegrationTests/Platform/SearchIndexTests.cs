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
    public async Task The_most_relevant_document_comes_first_for_a_word_in_more_documents_than_are_ranked()
    {
        // The best document is the oldest; the word is in more documents than SearchIndex ranks at once (bounded candidates).
        var word = "commun" + Guid.NewGuid().ToString("N")[..6];
        var best = Guid.NewGuid().ToString("N");
        await IndexAsync(SearchKinds.Proposal, best, $"Le {word} avant tout", $"Tout sur le {word}: le {word} et encore le {word}.");
        await app.WithScopeAsync(async sp =>
        {
            var index = sp.GetRequiredService<ISearchIndex>();
            for (var i = 0; i < SearchIndex.RankedCandidates + 300; i++)
                await index.UpsertAsync(SearchKinds.Proposal, $"{word}-{i}", $"Idée numéro {i}", $"Un texte plus long qui cite le {word} une fois parmi d'autres mots {i}.", $"/p/{i}");
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        var hits = await SearchAsync(word);
        Assert.Equal(20, hits.Count);
        Assert.Equal(best, hits[0].Key);
        var inKind = await app.WithScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().SearchAsync(word, SearchKinds.Proposal, 5));
        Assert.Equal(best, inKind[0].Key);
    }

    [Fact]
    public async Task A_word_in_most_titles_still_ranks_the_most_relevant_recent_document_first()
    {
        // The word is in the title of every entry (PostgreSQL then reads only the newest range of ids for the title tier).
        var word = "titre" + Guid.NewGuid().ToString("N")[..6];
        var best = Guid.NewGuid().ToString("N");
        await app.WithScopeAsync(async sp =>
        {
            var index = sp.GetRequiredService<ISearchIndex>();
            for (var i = 0; i < SearchIndex.RankedCandidates + 300; i++)
                await index.UpsertAsync(SearchKinds.Proposal, $"{word}-{i}", $"Idée {word} numéro {i}", $"Un texte plus long sans le mot, numéro {i}.", $"/p/{i}");
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        await IndexAsync(SearchKinds.Proposal, best, $"Le {word}, le {word}", $"Tout sur le {word}: le {word} et encore le {word}.");
        for (var i = 0; i < 5; i++) await IndexAsync(SearchKinds.Proposal, $"{word}-late-{i}", $"Autre {word} {i}", "Un texte court.");
        var hits = await SearchAsync(word);
        Assert.Equal(20, hits.Count);
        Assert.Equal(best, hits[0].Key);
        Assert.Equal(20, hits.Select(h => h.Key).Distinct().Count());
    }

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
