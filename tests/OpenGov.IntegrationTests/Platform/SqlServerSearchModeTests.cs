using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Search;
using OpenGov.Web.Data;

namespace OpenGov.IntegrationTests.Platform;

/// <summary>Both SQL Server search paths on a real engine (skipped without OPENGOV_TEST_SQLSERVER): the LIKE fallback under the
/// accent-insensitive collation, and CONTAINSTABLE where the instance has Full-Text Search (waiting for the asynchronous index).</summary>
[Trait("db", "sqlserver")]
public sealed class SqlServerSearchModeTests(SqlServerSearchModeTests.FullTextFactory app) : IClassFixture<SqlServerSearchModeTests.FullTextFactory>
{
    public sealed class FullTextFactory : SqlServerFactory
    {
        protected override bool FullText => true;
    }

    private Task IndexAsync(string key, string title, string body) => app.WithScopeAsync(async sp =>
    {
        await sp.GetRequiredService<ISearchIndex>().UpsertAsync(SearchKinds.News, key, title, body, "/news/" + key);
        await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
    });

    private Task<IReadOnlyList<SearchHit>> SearchAsync(bool fullText, string q) => app.WithScopeAsync(sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        SqlServerSearch.UseFullText(db, fullText);
        return sp.GetRequiredService<ISearchIndex>().SearchAsync(q);
    });

    [SqlServerFact]
    public async Task The_like_fallback_ignores_case_and_accents_in_french_and_arabic()
    {
        var key = Guid.NewGuid().ToString("N");
        await IndexAsync(key, "École rurale numérique", "Accès à l'INFORMATION — الحصول على المعلومات");
        foreach (var q in new[] { "ecole", "NUMERIQUE", "acces information", "المعلومات" })
            Assert.Contains(await SearchAsync(fullText: false, q), h => h.Key == key);
        var hit = (await SearchAsync(fullText: false, "information")).Single(h => h.Key == key);
        Assert.Contains("<mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [SqlServerFact]
    public async Task Full_text_search_uses_containstable_where_the_instance_has_it()
    {
        var has = await app.WithScopeAsync(sp => SqlServerSearch.HasFullTextAsync(sp.GetRequiredService<AppDbContext>(), CancellationToken.None));
        if (!has) return; // no Full-Text Search on this instance: the fallback test above is the one that applies
        var key = Guid.NewGuid().ToString("N");
        await IndexAsync(key, "Budget participatif zanzibarique", "Les communes publient leurs dépenses.");
        IReadOnlyList<SearchHit> hits = [];
        for (var i = 0; i < 60 && !hits.Any(h => h.Key == key); i++)
        {
            await Task.Delay(500);
            hits = await SearchAsync(fullText: true, "zanzib depenses");
        }
        Assert.Contains(hits, h => h.Key == key);
    }
}
