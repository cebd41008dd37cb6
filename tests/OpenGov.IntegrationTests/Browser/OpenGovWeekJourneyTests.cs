using Microsoft.Playwright;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Browser;

/// <summary>
/// An outside organiser proposes an Open Gov Week event with no account, a moderator accepts it, and the public finds it in the
/// programme (by day, region and theme) and in the site search, in French and in Arabic (right-to-left).
/// </summary>
public sealed class OpenGovWeekJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_outside_organiser_submits_a_moderator_accepts_and_the_public_finds_it()
    {
        // 1. The organiser, anonymous, fills the public form.
        var organiser = await browser.NewPageAsync();
        await organiser.GotoAsync("/events/open-gov-week/submit");
        await organiser.SelectOptionAsync("#OrganiserKind", "University");
        await organiser.FillAsync("#OrganiserName", "Université Mohammed V");
        await organiser.FillAsync("#ContactEmail", "ogw-organiser@um5.ac.ma");
        await organiser.FillAsync("#Input_Title", "Journée portes ouvertes : données budgétaires ouvertes");
        await organiser.FillAsync("#Input_Description", "Ateliers pratiques sur la **réutilisation** des données budgétaires.");
        await organiser.FillAsync("#Input_StartsLocal", "2026-12-08T10:00");
        await organiser.FillAsync("#Input_DurationMinutes", "180");
        await organiser.FillAsync("#Input_Place", "Faculté des sciences juridiques, Rabat-Agdal");
        await organiser.SelectOptionAsync("#Input_Region", "rabat-sale-kenitra");
        await organiser.FillAsync("#Input_Capacity", "120");
        await BrowserFixture.ScreenshotAsync(organiser, "ogw-1-submit-fr");
        await organiser.ClickAsync("button[type=submit].btn-primary");
        await Assertions.Expect(organiser.GetByTestId("submitted")).ToBeVisibleAsync();

        // Not public before moderation.
        await organiser.GotoAsync("/events/open-gov-week");
        await Assertions.Expect(organiser.GetByText("Journée portes ouvertes")).ToHaveCountAsync(0);

        // 2. A moderator accepts it.
        var moderatorId = await browser.App.CreateUserAsync("ogw-moderator@test.opengov.ma", Roles.Moderator);
        var moderator = await browser.NewSignedInPageAsync(moderatorId);
        await moderator.GotoAsync("/events/moderation");
        var submission = moderator.GetByTestId("submission").Filter(new() { HasText = "Journée portes ouvertes" });
        await Assertions.Expect(submission).ToContainTextAsync("ogw-organiser@um5.ac.ma");
        await BrowserFixture.ScreenshotAsync(moderator, "ogw-2-moderation-fr");
        await submission.GetByRole(AriaRole.Button, new() { Name = "Accepter et publier" }).ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("accepté");

        // 3. The public programme, filtered by region, in French then in Arabic.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/events/open-gov-week?region=rabat-sale-kenitra");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Journée portes ouvertes : données budgétaires ouvertes" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("h2").First).ToContainTextAsync("2026");
        await BrowserFixture.ScreenshotAsync(visitor, "ogw-3-programme-fr");
        await visitor.GotoAsync("/events/open-gov-week?region=rabat-sale-kenitra&culture=ar");
        await Assertions.Expect(visitor.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("برنامج أسبوع الحكومة المنفتحة");
        await Assertions.Expect(visitor.GetByText("Journée portes ouvertes : données budgétaires ouvertes")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(visitor, "ogw-4-programme-ar");

        // 4. The site search finds it, with the matched word highlighted.
        await visitor.GotoAsync("/?culture=fr");
        await visitor.FillAsync("#site-search", "budgetaires portes");
        await visitor.PressAsync("#site-search", "Enter");
        var events = visitor.Locator("section[data-kind=event]");
        await Assertions.Expect(events.GetByRole(AriaRole.Link, new() { Name = "Journée portes ouvertes : données budgétaires ouvertes" })).ToBeVisibleAsync();
        await Assertions.Expect(events.Locator("mark").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(visitor, "ogw-5-search-fr");
        await visitor.GotoAsync("/search?q=portes&culture=ar");
        await Assertions.Expect(visitor.Locator("section[data-kind=event] h2")).ToContainTextAsync("الأنشطة");
        await BrowserFixture.ScreenshotAsync(visitor, "ogw-6-search-ar");

        // 5. The event page: anyone can register by e-mail.
        await visitor.GotoAsync("/search?q=portes&culture=fr");
        await events.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("seats")).ToContainTextAsync("0 inscrit sur 120 places");
        await visitor.FillAsync("#Name", "Hajar");
        await visitor.FillAsync("#Email", "hajar@example.ma");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Je m'inscris" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("Vérifiez votre boîte mail");
        await BrowserFixture.ScreenshotAsync(visitor, "ogw-7-event-fr");
    }
}
