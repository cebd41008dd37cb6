using Microsoft.Playwright;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Proposals;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Browser;

/// <summary>The front door in a real browser: a citizen submits an idea (seeing similar ideas while typing), a moderator
/// publishes it, it appears in the list and in the list's search, another user supports and comments on it.</summary>
public sealed class ProposalJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> PageAsAsync(string? userId)
    {
        return userId is null ? await browser.NewPageAsync() : await browser.NewSignedInPageAsync(userId);
    }

    [Fact]
    public async Task A_citizen_submits_a_moderator_publishes_another_user_supports_and_comments()
    {
        var app = browser.App;
        _ = app.BaseUrl;
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var citizenId = await app.CreateUserAsync("citoyenne.journey@test.opengov.ma");
        var moderatorId = await app.CreateUserAsync("moderateur.journey@test.opengov.ma", Roles.Moderator);
        var otherId = await app.CreateUserAsync("voisin.journey@test.opengov.ma");
        await app.ProposalAsync(cycleId, axisId, otherId, "Registre public des subventions aux associations",
            "Les subventions publiques aux associations ne sont pas publiées de façon lisible.");

        // The citizen writes an idea; similar published ideas show up while typing.
        var citizen = await PageAsAsync(citizenId);
        await citizen.GotoAsync($"/proposals/new?cycle={cycleId}");
        await citizen.GetByLabel("Titre").FillAsync("Publier les subventions communales");
        await citizen.GetByLabel("Problème constaté").PressSequentiallyAsync("Les subventions versées restent opaques", new() { Delay = 5 });
        await Assertions.Expect(citizen.Locator("[data-similar-list] a")).ToContainTextAsync("Registre public des subventions");
        await citizen.GetByLabel("Solution proposée").FillAsync("Un tableau ouvert des subventions, mis à jour chaque trimestre.");
        await citizen.GetByLabel("Axe thématique").SelectOptionAsync(axisId.ToString());
        await citizen.GetByLabel("Région").SelectOptionAsync("fes-meknes");
        await citizen.GetByLabel("Impact attendu").FillAsync("Moins de soupçons de favoritisme.");
        await citizen.GetByTestId("submit-proposal").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("proposal-status")).ToHaveTextAsync("En attente de modération");
        var proposalUrl = new Uri(citizen.Url).AbsolutePath;

        // The moderator publishes it from the queue.
        var moderator = await PageAsAsync(moderatorId);
        await moderator.GotoAsync("/moderation");
        var item = moderator.GetByTestId("queue-item").Filter(new() { HasText = "Publier les subventions communales" });
        await item.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Idée publiée");

        // Anyone finds it in the list and in the list's search.
        var visitor = await PageAsAsync(null);
        await visitor.GotoAsync($"/proposals?cycle={cycleId}");
        await Assertions.Expect(visitor.GetByTestId("proposal-card").Filter(new() { HasText = "Publier les subventions communales" })).ToBeVisibleAsync();
        await visitor.GetByLabel("Rechercher une idée").FillAsync("trimestre");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("proposal-card")).ToHaveCountAsync(1);
        await Assertions.Expect(visitor.GetByTestId("proposal-card")).ToContainTextAsync("Publier les subventions communales");

        // Another user supports it and comments.
        var other = await PageAsAsync(otherId);
        await other.GotoAsync(proposalUrl);
        await other.GetByTestId("support-button").ClickAsync();
        await Assertions.Expect(other.GetByTestId("detail-support-count")).ToHaveTextAsync("1");
        await Assertions.Expect(other.GetByTestId("supported")).ToBeVisibleAsync();
        await other.GetByLabel("Votre commentaire").FillAsync("Bonne idée, **indispensable** pour la confiance.");
        await other.GetByTestId("comment-submit").ClickAsync();
        await Assertions.Expect(other.GetByTestId("comment")).ToContainTextAsync("indispensable");
        await Assertions.Expect(other.Locator("[data-testid=comment] strong", new() { HasText = "indispensable" })).ToBeVisibleAsync();

        // Screenshots of the list and of the proposal page, in French and in Arabic (right to left).
        await visitor.GotoAsync($"/proposals?cycle={cycleId}");
        await BrowserFixture.ScreenshotAsync(visitor, "proposals-list-fr");
        await visitor.GotoAsync(proposalUrl);
        await BrowserFixture.ScreenshotAsync(visitor, "proposal-page-fr");
        await visitor.GotoAsync($"/proposals?cycle={cycleId}&culture=ar");
        Assert.Equal("rtl", await visitor.Locator("html").GetAttributeAsync("dir"));
        await BrowserFixture.ScreenshotAsync(visitor, "proposals-list-ar");
        await visitor.GotoAsync($"{proposalUrl}?culture=ar");
        await Assertions.Expect(visitor.GetByTestId("proposal-status")).ToHaveTextAsync("منشورة");
        await BrowserFixture.ScreenshotAsync(visitor, "proposal-page-ar");
        await visitor.GotoAsync($"/cycles/{cycleId}?culture=ar");
        await BrowserFixture.ScreenshotAsync(visitor, "cycle-page-ar");
    }
}
