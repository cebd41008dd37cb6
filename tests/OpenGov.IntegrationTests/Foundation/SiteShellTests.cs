using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Data;

namespace OpenGov.IntegrationTests.Foundation;

public abstract class SiteShellTests(OpenGovFactory app)
{
    [Theory]
    [InlineData(null, "fr", "ltr", "Co-construisons")]
    [InlineData("ar", "ar", "rtl", "لنشارك")]
    [InlineData("en", "en", "ltr", "Let's co-create")]
    public async Task Home_page_speaks_the_chosen_language(string? culture, string lang, string dir, string heading)
    {
        var client = app.CreateBrowserlikeClient();
        if (culture is not null)
        {
            var switched = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/" }, "form.language-switcher");
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }
        var doc = await client.GetDocumentAsync("/");
        Assert.Equal(lang, doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal(dir, doc.DocumentElement.GetAttribute("dir"));
        Assert.Contains(heading, doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var css = doc.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Equal(dir == "rtl", css.Contains("bootstrap.rtl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_page_is_a_friendly_404_in_the_current_language()
    {
        var client = app.CreateBrowserlikeClient();
        await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "ar", ["returnUrl"] = "/" }, "form.language-switcher");
        var response = await client.GetAsync("/this/does/not/exist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.ReadTextAsync();
        Assert.Contains("الصفحة غير موجودة", html, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Security_headers_are_sent()
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        // Images only from the site itself: user Markdown cannot load (and so track readers with) outside images, nor data: URLs.
        Assert.Equal("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'", csp);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().GetAsync("/img/ui/select-arrow.svg")).StatusCode);
        // Every icon the CSP-safe style sheet points to is served from its absolute path (a relative one resolved under /lib).
        var icons = System.Text.RegularExpressions.Regex.Matches(await app.CreateBrowserlikeClient().GetStringAsync("/css/csp-icons.css"), "url\\(\"([^\"]+)\"\\)");
        Assert.NotEmpty(icons);
        foreach (var path in icons.Select(m => m.Groups[1].Value))
        {
            Assert.StartsWith("/img/ui/", path, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().GetAsync(path)).StatusCode);
        }
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Health_checks_the_database()
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.ReadTextAsync());
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_rejected()
    {
        var client = app.CreateBrowserlikeClient();
        await client.GetAsync("/");
        // (The language switcher is the one form without a token: it is on every cached anonymous page.)
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@b.c" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await app.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Assert.False(db.Database.HasPendingModelChanges(),
                "The model has changes with no migration: run scripts/add-migration.sh <Name>.");
            Assert.Empty(db.Database.GetPendingMigrations());
            Assert.NotEmpty(db.Database.GetAppliedMigrations());
            return Task.CompletedTask;
        });
    }
}

public sealed class SiteShellTests_Sqlite(SqliteFactory app) : SiteShellTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class SiteShellTests_Postgres(PostgresFactory app) : SiteShellTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class SiteShellTests_SqlServer(SqlServerFactory app) : SiteShellTests(app), IClassFixture<SqlServerFactory>;
