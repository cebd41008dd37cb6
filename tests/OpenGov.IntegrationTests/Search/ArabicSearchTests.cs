using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Search;
using OpenGov.Web.Data;

namespace OpenGov.IntegrationTests.Search;

/// <summary>Arabic normalisation and light stemming through the one <see cref="ISearchIndex"/>, on each database.</summary>
public abstract class ArabicSearchTests(OpenGovFactory app)
{
    private async Task IndexAsync(string key, string title, string body)
        => await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ISearchIndex>().UpsertAsync(SearchKinds.Proposal, key, title, body, "/proposals/" + key);
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

    private Task<IReadOnlyList<SearchHit>> SearchAsync(string q)
        => app.WithScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().SearchAsync(q, null, 50));

    private Task<IReadOnlyList<string>> KeysAsync(string q)
        => app.WithScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().MatchingKeysAsync(SearchKinds.Proposal, q));

    private static string NewKey() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task The_issue_cases_are_found_with_their_titles_as_written()
    {
        var (amazigh, budget, budget2, forum, forums) = (NewKey(), NewKey(), NewKey(), NewKey(), NewKey());
        await IndexAsync(amazigh, "التعليم بالأمازيغية في المدارس العمومية", "اقتراح لتعميم التدريس");
        await IndexAsync(budget, "نشر ميزانية الجماعة", "وثيقة مبسطة");
        await IndexAsync(budget2, "الشفافية المالية", "نشر المعطيات والميزانية المفتوحة للمواطنين");
        await IndexAsync(forum, "لقاء المنتدى الجهوي", "حوار");
        await IndexAsync(forums, "منتديات المجتمع المدني", "حوار");

        var hit = Assert.Single(await SearchAsync("الأمازيغية"), h => h.Key == amazigh);
        Assert.Equal("التعليم بالأمازيغية في المدارس العمومية", hit.Title);
        var budgetHits = (await SearchAsync("الميزانية")).Select(h => h.Key).ToList();
        Assert.Contains(budget, budgetHits);
        Assert.Contains(budget2, budgetHits);
        var forumHits = (await SearchAsync("منتدى")).Select(h => h.Key).ToList();
        Assert.Contains(forum, forumHits);
        Assert.Contains(forums, forumHits);
        Assert.Contains(amazigh, await KeysAsync("الأمازيغية"));
        Assert.Contains(budget2, await KeysAsync("ميزانية"));
    }

    [Fact]
    public async Task Diacritics_tatweel_and_letter_forms_do_not_matter_and_the_snippet_keeps_the_text()
    {
        var (vowelled, plain) = (NewKey(), NewKey());
        await IndexAsync(vowelled, "إصلاحُ الإدارةِ", "الشَّفَافِيَّةُ في تدبير الصفقات");
        await IndexAsync(plain, "اصلاح الادارة", "الشفـــافية");
        var hits = (await SearchAsync("الشفافيه اصلاح")).Select(h => h.Key).ToList();
        Assert.Contains(vowelled, hits);
        Assert.Contains(plain, hits);
        var hit = Assert.Single(await SearchAsync("إدارة الشفافية"), h => h.Key == vowelled);
        Assert.Contains("الشَّفَافِيَّةُ", hit.SnippetHtml, StringComparison.Ordinal); // the original text, not the index forms
    }

    [Fact]
    public async Task A_query_of_marks_or_tatweel_alone_finds_nothing_without_error()
    {
        Assert.Empty(await SearchAsync("ـــ َُ"));
        Assert.Empty(await KeysAsync("ـــ"));
    }

    [Fact]
    public async Task French_search_is_unchanged_beside_arabic()
    {
        var key = NewKey();
        await IndexAsync(key, "Budget participatif — الميزانية التشاركية", "Les élus et la société civile débattent des dépenses.");
        Assert.Contains(await SearchAsync("depenses societe"), h => h.Key == key);
        Assert.Contains(await SearchAsync("budget الميزانية"), h => h.Key == key);
        Assert.DoesNotContain(await SearchAsync("budgetaire"), h => h.Key == key);
    }

    [Fact]
    public async Task Entries_indexed_before_the_arabic_forms_are_reindexed_once_at_startup()
    {
        var key = NewKey();
        await IndexAsync(key, "دعم التعاونيات النسائية", "مشروع");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // A database deployed before: rows without Arabic forms, structures of version 1.
            await db.Set<SearchEntry>().Where(e => e.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.TitleTerms, "").SetProperty(e => e.BodyTerms, ""));
            await db.Database.ExecuteSqlRawAsync("""UPDATE "SearchSchemaVersion" SET "Version" = 1""");
        });
        Assert.DoesNotContain(await SearchAsync("تعاونية"), h => h.Key == key);

        await app.WithScopeAsync(sp => SearchSchema.EnsureAsync(sp.GetRequiredService<AppDbContext>()));
        Assert.Contains(await SearchAsync("تعاونية"), h => h.Key == key);

        await app.WithScopeAsync(sp => SearchSchema.EnsureAsync(sp.GetRequiredService<AppDbContext>())); // idempotent
        Assert.Contains(await SearchAsync("تعاونية"), h => h.Key == key);
        var version = await app.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Database
            .SqlQueryRaw<int>("""SELECT max("Version") AS "Value" FROM "SearchSchemaVersion" """).SingleAsync());
        Assert.Equal(SearchSchema.Version, version);
    }
}

public sealed class ArabicSearchTests_Sqlite(SqliteFactory app) : ArabicSearchTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class ArabicSearchTests_Postgres(PostgresFactory app) : ArabicSearchTests(app), IClassFixture<PostgresFactory>;
