using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Content;
using OpenGov.IntegrationTests.Events;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Auditing;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Content;

public abstract class ContentTests(OpenGovFactory app)
{
    private static async Task<HttpClient> InAsync(HttpClient client, string culture)
    {
        await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/" }, "form.language-switcher");
        return client;
    }

    [Theory]
    [InlineData("fr", "Protection des données personnelles (loi 09-08)", "rtl-free")]
    [InlineData("ar", "حماية المعطيات الشخصية (القانون 09-08)", "rtl")]
    [InlineData("en", "Personal data protection (law 09-08)", "rtl-free")]
    public async Task Static_pages_exist_in_every_environment_in_three_languages(string culture, string heading, string dir)
    {
        var client = await InAsync(app.CreateBrowserlikeClient(), culture);
        var doc = await client.GetDocumentAsync("/pages/personal-data");
        Assert.Equal(heading, doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(dir == "rtl", doc.DocumentElement.GetAttribute("dir") == "rtl");
        foreach (var slug in new[] { "about", "ogp-morocco", "how-co-creation-works", "terms" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pages/" + slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/pages/does-not-exist")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_writes_news_that_falls_back_to_french_is_audited_and_renders_markdown_inertly()
    {
        var (admin, adminId, _) = await app.SignedInClientAsync(Roles.Administrator);
        var slug = "semaine-" + Guid.NewGuid().ToString("N")[..6];
        var saved = await admin.SubmitFormAsync("/admin/content/edit?kind=News", new Dictionary<string, string>
        {
            ["Input.Kind"] = "News",
            ["Input.Slug"] = slug,
            ["Input.TitleFr"] = "Semaine du gouvernement ouvert",
            ["Input.BodyFr"] = "Programme **riche** <script>alert('x')</script> [lien](javascript:alert(1))",
            ["Input.TitleAr"] = "أسبوع الحكومة المنفتحة",
            ["Input.BodyAr"] = "برنامج غني",
            ["Input.Publish"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var anonymous = app.CreateBrowserlikeClient();
        var fr = await (await anonymous.GetAsync("/news/" + slug)).ReadTextAsync();
        Assert.Contains("<strong>riche</strong>", fr, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert('x')</script>", fr, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", fr, StringComparison.Ordinal);
        var ar = await (await InAsync(app.CreateBrowserlikeClient(), "ar")).GetDocumentAsync("/news/" + slug);
        Assert.Equal("أسبوع الحكومة المنفتحة", ar.QuerySelector("h1")!.TextContent);
        var en = await (await InAsync(app.CreateBrowserlikeClient(), "en")).GetDocumentAsync("/news/" + slug);
        Assert.Equal("Semaine du gouvernement ouvert", en.QuerySelector("h1")!.TextContent);
        Assert.Contains("not translated yet", en.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Semaine du gouvernement ouvert", (await anonymous.GetDocumentAsync("/news")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Semaine du gouvernement ouvert", (await anonymous.GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "content.created" && a.ActorUserId == adminId)));
    }

    [Fact]
    public async Task Content_administration_is_for_administrators_and_bad_input_stays_on_the_form()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserlikeClient().GetAsync("/admin/content")).StatusCode);
        var (moderator, _, _) = await app.SignedInClientAsync(Roles.Moderator);
        var denied = await moderator.GetAsync("/admin/content");
        Assert.Contains("access-denied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);

        var (admin, _, _) = await app.SignedInClientAsync(Roles.Administrator);
        Assert.Contains("personal-data", (await admin.GetDocumentAsync("/admin/content")).Body!.TextContent, StringComparison.Ordinal);
        var bad = await admin.SubmitFormAsync("/admin/content/edit?kind=Page", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Page", ["Input.Slug"] = "Pas Valide!", ["Input.TitleFr"] = "Ma page", ["Input.BodyEn"] = "text without title",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = Http.Parse(await bad.ReadTextAsync());
        Assert.Equal("Ma page", doc.QuerySelector("#Input_TitleFr")!.GetAttribute("value"));
        Assert.Contains("minuscules", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("traduction a besoin de son titre", doc.Body!.TextContent, StringComparison.Ordinal);
        var taken = await admin.SubmitFormAsync("/admin/content/edit?kind=Page", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Page", ["Input.Slug"] = "about", ["Input.TitleFr"] = "Doublon",
        });
        Assert.Contains("déjà utilisée", await taken.ReadTextAsync(), StringComparison.Ordinal);
    }
}

public sealed class ContentTests_Sqlite(SqliteFactory app) : ContentTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class ContentTests_Postgres(PostgresFactory app) : ContentTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class ContentTests_SqlServer(SqlServerFactory app) : ContentTests(app), IClassFixture<SqlServerFactory>;
