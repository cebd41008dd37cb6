using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Content;
using OpenGov.Consultation.Cycles;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Tracking;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Translations;

/// <summary>Official texts in fr/ar/en: shown in the visitor's language with a marked French fallback, edited side by side
/// by administrators (French required), found by search in any language, returned in every language by the API.</summary>
public abstract class OfficialTextTranslationTests<TFactory>(TrackingFixture<TFactory> f) where TFactory : OpenGovFactory, new()
{
    private const string ArabicTitle7 = "إحداث بوابة النزاهة";
    private const string EnglishTitle7 = "Setting up an integrity portal";

    private Task<Guid> SeededCommitmentAsync(int number) => f.WithScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<Commitment>()
        .Where(c => c.PlanId == PlanSeed.Plan2018Id && c.Number == number).Select(c => c.Id).FirstAsync());

    [Fact]
    public async Task Seeded_titles_show_in_arabic_and_english_and_untranslated_texts_are_marked_french()
    {
        var id = await SeededCommitmentAsync(7);

        var ar = await f.Client().GetDocumentAsync($"/plan/commitments/{id}?culture=ar");
        var h1 = ar.QuerySelector("h1")!;
        Assert.Contains(ArabicTitle7, h1.TextContent, StringComparison.Ordinal);
        Assert.Null(h1.QuerySelector("[lang=fr]"));
        // The problem statement has no Arabic translation: the French original, marked, with the note in Arabic.
        var problem = ar.QuerySelectorAll("p.plan-text")[0];
        var original = problem.QuerySelector("span[lang=fr]")!;
        Assert.Equal("ltr", original.GetAttribute("dir"));
        Assert.Contains("portail", original.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("النص الأصلي بالفرنسية", problem.QuerySelector(".official-original")!.TextContent, StringComparison.Ordinal);

        var en = await f.Client().GetDocumentAsync($"/plan/commitments/{id}?culture=en");
        Assert.Contains(EnglishTitle7, en.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("original text in French", en.QuerySelectorAll("p.plan-text")[0].TextContent, StringComparison.Ordinal);

        var fr = await f.Client().GetDocumentAsync($"/plan/commitments/{id}");
        Assert.Contains("Mise en place d’un portail d’intégrité", fr.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(fr.QuerySelectorAll(".official-original"));

        // The plan page lists the eighteen commitments under their Arabic titles, none marked as a fallback.
        var plan = await f.Client().GetDocumentAsync($"/plan/{PlanSeed.Plan2018Id}?culture=ar");
        var titles = plan.QuerySelectorAll(".plan-commitments > li h3").ToList();
        Assert.Equal(18, titles.Count);
        Assert.All(titles, t => Assert.Null(t.QuerySelector("[lang=fr]")));
        Assert.Contains(titles, t => t.TextContent.Contains(ArabicTitle7, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Administrator_edits_texts_side_by_side_with_french_required_and_the_translation_is_shown_and_counted()
    {
        var (admin, _) = await f.Base.SignedInClientAsync(Roles.Administrator);
        var page = $"/admin/translations/commitment/{f.CommitmentB}";
        var form = await admin.GetDocumentAsync(page);
        Assert.Equal(3, form.QuerySelectorAll("[data-testid=translation-field]").Length);
        var arabicTitle = form.QuerySelector("input[name='Ar[0]']")!;
        Assert.Equal("rtl", arabicTitle.GetAttribute("dir"));
        Assert.Equal("ar", arabicTitle.GetAttribute("lang"));
        Assert.NotNull(form.QuerySelector("textarea[name='Ar[1]'][dir=rtl][lang=ar]"));
        Assert.Equal("Budget citoyen régional", form.QuerySelector("input[name='Fr[0]']")!.GetAttribute("value"));

        // French emptied: refused on the form in the visitor's language, the typed Arabic kept, nothing saved.
        var refused = await admin.SubmitFormAsync(page + "?culture=fr", new Dictionary<string, string> { ["Fr[0]"] = "", ["Ar[0]"] = "الميزانية المواطنة الجهوية" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedDoc = Http.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("le texte original en français est obligatoire", refusedDoc.QuerySelector("[data-valmsg-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("الميزانية المواطنة الجهوية", refusedDoc.QuerySelector("input[name='Ar[0]']")!.GetAttribute("value"));
        Assert.Equal("Budget citoyen régional", await f.WithScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<Commitment>()
            .Where(c => c.Id == f.CommitmentB).Select(c => c.Title).FirstAsync()));

        var admin2 = await admin.GetDocumentAsync($"/plan/admin/{f.PlanT}");
        Assert.Contains("ar 0/", RowOf(admin2, "Budget citoyen régional"), StringComparison.Ordinal);

        var saved = await admin.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Ar[0]"] = "الميزانية المواطنة الجهوية",
            ["En[0]"] = "Regional citizens' budget",
            ["Ar[2]"] = "نشر ميزانية مبسطة لكل جهة",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var ar = await f.Client().GetDocumentAsync($"/plan/commitments/{f.CommitmentB}?culture=ar");
        Assert.Contains("الميزانية المواطنة الجهوية", ar.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var texts = ar.QuerySelectorAll("p.plan-text").ToList();
        Assert.NotNull(texts[0].QuerySelector("span[lang=fr]"));      // problem: still French only, marked
        Assert.Null(texts[1].QuerySelector("span[lang=fr]"));         // description: translated
        Assert.Contains("نشر ميزانية مبسطة", texts[1].TextContent, StringComparison.Ordinal);

        // Completeness for editors: title and description now in Arabic, title in English.
        var after = await admin.GetDocumentAsync($"/plan/admin/{f.PlanT}");
        var row = RowOf(after, "Budget citoyen régional");
        Assert.Contains("ar 2/", row, StringComparison.Ordinal);
        Assert.Contains("en 1/", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_reach_the_translation_form()
    {
        var lead = await f.Base.SignedInClientForAsync(f.LeadA);
        var page = $"/admin/translations/commitment/{f.CommitmentA}";
        Http.AssertForbidden(await lead.GetAsync(page));
        Http.AssertForbidden(await lead.PostWithTokenAsync("/plan/manage", page, new Dictionary<string, string> { ["Fr[0]"] = "Pris" }));
        Http.AssertSignInRequired(await f.Client().GetAsync(page));
        Assert.NotEqual("Pris", await f.WithScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<Commitment>()
            .Where(c => c.Id == f.CommitmentA).Select(c => c.Title).FirstAsync()));
        var (admin, _) = await f.Base.SignedInClientAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/translations/commitment/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/translations/nothing/{f.CommitmentA}")).StatusCode);
    }

    [Fact]
    public async Task Search_in_arabic_finds_a_commitment_by_its_arabic_title()
    {
        var id = await SeededCommitmentAsync(7);
        var doc = await f.Client().GetDocumentAsync($"/search?q={Uri.EscapeDataString("بوابة النزاهة")}&culture=ar");
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/plan/commitments/{id}");

        // A translation saved later is indexed in the same unit of work.
        var (admin, _) = await f.Base.SignedInClientAsync(Roles.Administrator);
        await admin.SubmitFormAsync($"/admin/translations/commitment/{f.CommitmentA}", new Dictionary<string, string> { ["Ar[0]"] = "سجل المستفيدين الفعليين" });
        var hit = await f.Client().GetDocumentAsync($"/search?q={Uri.EscapeDataString("المستفيدين")}");
        Assert.Contains(hit.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/plan/commitments/{f.CommitmentA}");
    }

    [Fact]
    public async Task Api_returns_every_language_beside_the_existing_fields()
    {
        using var plans = JsonDocument.Parse(await f.Client().GetStringAsync("/api/v1/plans"));
        var seeded = plans.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == PlanSeed.Plan2018Id);
        Assert.Equal("Plan d'Action National du gouvernement ouvert 2018-2020", seeded.GetProperty("title").GetString());
        Assert.Equal("خطة العمل الوطنية للحكومة المنفتحة 2018-2020", seeded.GetProperty("titles").GetProperty("ar").GetString());
        Assert.Equal(seeded.GetProperty("title").GetString(), seeded.GetProperty("titles").GetProperty("fr").GetString());

        using var progress = JsonDocument.Parse(await f.Client().GetStringAsync($"/api/v1/plans/{PlanSeed.Plan2018Id}/progress"));
        var c7 = progress.RootElement.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == 7);
        Assert.Equal("Mise en place d’un portail d’intégrité", c7.GetProperty("title").GetString());
        Assert.Equal(ArabicTitle7, c7.GetProperty("titles").GetProperty("ar").GetString());
        Assert.Equal(EnglishTitle7, c7.GetProperty("titles").GetProperty("en").GetString());
        Assert.Equal("الحق في الحصول على المعلومات", progress.RootElement.GetProperty("axes")[0].GetProperty("names").GetProperty("ar").GetString());

        // A missing translation is null, not a copy of the French.
        using var planT = JsonDocument.Parse(await f.Client().GetStringAsync($"/api/v1/plans/{f.PlanT}/progress"));
        Assert.Equal(JsonValueKind.Null, planT.RootElement.GetProperty("titles").GetProperty("en").ValueKind);
    }

    [Fact]
    public async Task A_cycle_is_translated_side_by_side_and_shown_with_a_marked_fallback_in_the_api_too()
    {
        var cycleId = await f.WithScopeAsync(async sp =>
        {
            // A cycle created by an administrator is a draft until published with a phase.
            var cycles = sp.GetRequiredService<CycleAdministration>();
            var id = await cycles.CreateAsync("admin", new CycleInput("Cycle traduit " + Guid.NewGuid().ToString("N")[..6], "Une **description** en français.", 2030, 2032));
            await cycles.SetPhaseDaysAsync("admin", id, PhaseKind.ProposalCollection, new DateOnly(2030, 1, 10), new DateOnly(2030, 2, 10));
            await cycles.PublishAsync("admin", id);
            return id;
        });
        var (admin, _) = await f.Base.SignedInClientAsync(Roles.Administrator);
        var edit = await admin.GetDocumentAsync($"/admin/cycles/{cycleId}");
        Assert.Contains("ar 0/2", edit.QuerySelector("[data-testid=translation-status]")!.TextContent, StringComparison.Ordinal);
        var saved = await admin.SubmitFormAsync($"/admin/translations/cycle/{cycleId}", new Dictionary<string, string> { ["Ar[0]"] = "دورة مترجمة" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var ar = await f.Client().GetDocumentAsync($"/cycles/{cycleId}?culture=ar");
        Assert.Contains("دورة مترجمة", ar.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var description = ar.QuerySelector("div.user-text")!;
        Assert.Contains("النص الأصلي بالفرنسية", description.TextContent, StringComparison.Ordinal);
        Assert.NotNull(description.QuerySelector("div[lang=fr][dir=ltr] strong"));
        var en = await f.Client().GetDocumentAsync($"/cycles/{cycleId}?culture=en");
        Assert.NotNull(en.QuerySelector("h1 span[lang=fr][dir=ltr]"));

        using var api = JsonDocument.Parse(await f.Client().GetStringAsync($"/api/v1/cycles/{cycleId}"));
        Assert.Equal("دورة مترجمة", api.RootElement.GetProperty("titles").GetProperty("ar").GetString());
        Assert.Equal(JsonValueKind.Null, api.RootElement.GetProperty("titles").GetProperty("en").ValueKind);
        Assert.StartsWith("Cycle traduit", api.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task News_api_returns_every_language_and_a_missing_translation_as_null()
    {
        var slug = "traduction-" + Guid.NewGuid().ToString("N")[..8];
        await f.WithScopeAsync(sp => sp.GetRequiredService<ContentEditing>().SaveAsync(null, ContentKind.News, slug,
            new("Nouvelle traduite", "Corps *français*."), new("خبر مترجم", "نص عربي."), null, true, "admin"));
        using var fr = JsonDocument.Parse(await f.Client().GetStringAsync("/api/v1/news?lang=en&limit=100"));
        var item = fr.RootElement.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("slug").GetString() == slug);
        Assert.Equal("Nouvelle traduite", item.GetProperty("title").GetString());   // English missing: French, as before
        Assert.Equal("fr", item.GetProperty("language").GetString());
        Assert.Equal("خبر مترجم", item.GetProperty("titles").GetProperty("ar").GetString());
        Assert.Equal("نص عربي.", item.GetProperty("bodies").GetProperty("ar").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("titles").GetProperty("en").ValueKind);
        Assert.Equal("Corps *français*.", item.GetProperty("bodies").GetProperty("fr").GetString());
    }

    [Fact]
    public async Task The_home_page_marks_news_cycle_and_plan_titles_with_their_language()
    {
        var slug = "accueil-" + Guid.NewGuid().ToString("N")[..8];
        await f.WithScopeAsync(sp => sp.GetRequiredService<ContentEditing>().SaveAsync(null, ContentKind.News, slug,
            new("Nouvelle de l'accueil", "Corps."), new("خبر الصفحة الرئيسية", "نص."), null, true, "admin"));
        // A cycle with a phase open today, and a later plan period than any other: the current cycle; French only.
        var cycleTitle = "Cycle de l'accueil " + Guid.NewGuid().ToString("N")[..6];
        var (cycle, plan) = await f.WithScopeAsync(async sp =>
        {
            var cycles = sp.GetRequiredService<CycleAdministration>();
            var today = DateOnly.FromDateTime(f.Clock.UtcNow);
            var id = await cycles.CreateAsync("admin", new CycleInput(cycleTitle, "Description.", 2098, 2099));
            await cycles.SetPhaseDaysAsync("admin", id, PhaseKind.ProposalCollection, today.AddDays(-1), today.AddDays(20));
            await cycles.PublishAsync("admin", id);
            return ((await sp.GetRequiredService<CurrentCycle>().SummaryAsync())!.TitleText,
                (await sp.GetRequiredService<OpenGov.Web.Api.IPlanSummary>().CurrentAsync())!.Title);
        });
        Assert.Equal(cycleTitle, cycle.Fr);

        // English is missing: the French title, marked as French (dir="auto" from the content-language tag helper).
        var en = await f.Client().GetDocumentAsync("/?culture=en");
        var news = en.QuerySelector($"[data-testid=home-news-item] a[href='/news/{slug}']")!;
        Assert.Equal(("fr", "auto"), (news.GetAttribute("lang"), news.GetAttribute("dir")));
        Assert.Equal("Nouvelle de l'accueil", news.TextContent);
        // Arabic exists: shown in Arabic, no other language stated.
        var ar = await f.Client().GetDocumentAsync("/?culture=ar");
        var arNews = ar.QuerySelector($"[data-testid=home-news-item] a[href='/news/{slug}']")!;
        Assert.Equal((null, "auto"), (arNews.GetAttribute("lang"), arNews.GetAttribute("dir")));
        Assert.Equal("خبر الصفحة الرئيسية", arNews.TextContent);

        // The current cycle's and plan's titles go through Html.Official: the visitor's language, else the French marked.
        foreach (var (doc, language) in new[] { (en, "en"), (ar, "ar") })
        {
            foreach (var (testId, text) in new[] { ("home-cycle-title", cycle), ("home-plan-title", plan) })
            {
                var link = doc.QuerySelector($"[data-testid={testId}]")!;
                var shown = text.For(language);
                Assert.Contains(shown.Text, link.TextContent, StringComparison.Ordinal);
                Assert.Equal(shown.IsFallback, link.QuerySelector("span[lang=fr][dir=ltr]") is not null);
            }
        }
    }

    private static string RowOf(AngleSharp.Html.Dom.IHtmlDocument doc, string title)
        => doc.QuerySelectorAll("tr").First(r => r.TextContent.Contains(title, StringComparison.Ordinal)).TextContent;
}

public sealed class OfficialTextTranslationTests_Sqlite(TrackingSqliteFixture f) : OfficialTextTranslationTests<SqliteFactory>(f), IClassFixture<TrackingSqliteFixture>;

[Trait("db", "postgres")]
public sealed class OfficialTextTranslationTests_Postgres(TrackingPostgresFixture f) : OfficialTextTranslationTests<PostgresFactory>(f), IClassFixture<TrackingPostgresFixture>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class OfficialTextTranslationTests_SqlServer(TrackingSqlServerFixture f) : OfficialTextTranslationTests<SqlServerFactory>(f), IClassFixture<TrackingSqlServerFixture>;
