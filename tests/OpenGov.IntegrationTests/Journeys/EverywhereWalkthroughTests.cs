using System.Net;
using Microsoft.Playwright;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Cycles;
using OpenGov.IntegrationTests.Infrastructure;
using static OpenGov.IntegrationTests.Journeys.JourneyKit;

namespace OpenGov.IntegrationTests.Journeys;

/// <summary>Issue 17, everywhere: notification preferences reachable, plural counts, a favicon, theme labels in the directory.</summary>
public abstract class EverywhereWalkthroughTests(OpenGovFactory app)
{
    [Fact]
    public async Task The_account_menu_and_every_mail_footer_lead_to_the_notification_preferences()
    {
        var (client, _, email) = await app.SignedInClientAsync();
        var home = await client.GetDocumentAsync("/");
        var link = home.QuerySelector("[data-testid=notifications-link]")!;
        Assert.Equal("/account/notifications", link.GetAttribute("href"));
        Assert.Equal("Mes notifications", link.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/notifications")).StatusCode);

        // An account mail (no follow, no unsubscribe link) carries the link too, in both parts.
        var sent = await app.CreateBrowserlikeClient().SubmitFormAsync("/account/forgot-password", Fields(("Email", email)), "main form");
        Assert.True(sent.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains("Gérer mes préférences de notification : http", mail.Text, StringComparison.Ordinal);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.Html);
        var footerLink = html.QuerySelectorAll("a").Single(a => a.TextContent == "Gérer mes préférences de notification");
        Assert.EndsWith("/account/notifications", footerLink.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_favicon_is_served_and_linked()
    {
        var client = app.CreateBrowserlikeClient();
        var icon = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // an ICO header
        var home = await client.GetDocumentAsync("/");
        Assert.StartsWith("/favicon.ico", home.QuerySelector("link[rel=icon]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_directory_names_themes_of_earlier_cycles_in_the_visitors_language_and_counts_one_member_in_the_singular()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (_, representative) = await app.SignedInClientAsync();
        await app.WithDbAsync(async db =>
        {
            // The association registered under an earlier cycle's axis; the current cycle has other axes.
            var earlier = new Cycle(Guid.NewGuid(), "Ancien " + suffix, "", 2030, 2032, app.Clock.UtcNow);
            earlier.AddAxis($"local-{suffix}", "Gouvernement ouvert local", "الحكومة المنفتحة المحلية", "Local open government");
            var current = new Cycle(Guid.NewGuid(), "Actuel " + suffix, "", 2090, 2092, app.Clock.UtcNow);
            current.AddAxis($"other-{suffix}", "Autre axe", "محور آخر", "Other axis");
            foreach (var c in new[] { earlier, current })
            {
                var today = DateOnly.FromDateTime(app.Clock.UtcNow);
                c.SetPhaseDays(PhaseKind.ProposalCollection, today.AddDays(c == current ? 1 : -40), today.AddDays(c == current ? 20 : -30));
            }
            var association = new Association(Guid.NewGuid(), "Association " + suffix, null, "souss-massa", $"local-{suffix}", null, null, "Présentation", representative, app.Clock.UtcNow);
            association.Verify("moderator", app.Clock.UtcNow);
            db.AddRange(earlier, current, association);
            await db.SaveChangesAsync();
        });

        var fr = await app.CreateBrowserlikeClient().GetDocumentAsync("/associations");
        var row = fr.QuerySelectorAll("li").Single(li => li.TextContent.Contains("Association " + suffix, StringComparison.Ordinal) && li.QuerySelector("li") is null).TextContent;
        Assert.Contains("Gouvernement ouvert local", row, StringComparison.Ordinal);
        Assert.DoesNotContain($"local-{suffix}", row, StringComparison.Ordinal);
        Assert.Contains("1 membre", row, StringComparison.Ordinal);
        Assert.DoesNotContain("1 membres", row, StringComparison.Ordinal);
        Assert.DoesNotContain("membre(s)", row, StringComparison.Ordinal);

        var ar = await app.CreateBrowserlikeClient().GetDocumentAsync("/associations?culture=ar");
        Assert.Contains("الحكومة المنفتحة المحلية", ar.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class EverywhereWalkthroughTests_Sqlite(SqliteFactory app) : EverywhereWalkthroughTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class EverywhereWalkthroughTests_Postgres(PostgresFactory app) : EverywhereWalkthroughTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class EverywhereWalkthroughTests_SqlServer(SqlServerFactory app) : EverywhereWalkthroughTests(app), IClassFixture<SqlServerFactory>;

/// <summary>In a real browser (the CSP applies): the follow-up of decisions shows no empty error bullet.</summary>
public sealed class EverywhereBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_empty_validation_summary_is_not_drawn()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/meetings/decisions");
        await Assertions.Expect(page.Locator("[data-valmsg-summary]")).ToBeHiddenAsync();
    }
}
