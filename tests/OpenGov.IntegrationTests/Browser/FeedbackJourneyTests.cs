using Microsoft.Playwright;
using OpenGov.IntegrationTests.Feedback;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Notifications;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Browser;

/// <summary>Chromium against the app on Kestrel with the outbox worker running (mail to the pickup folder).</summary>
public sealed class FeedbackBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public FeedbackKestrelFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {BrowserFixture.ChromiumPath}: run the suite through scripts/test.sh.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A page signed in as <paramref name="userId"/> through the login page.</summary>
    public async Task<IPage> PageAsAsync(string userId)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, Locale = "fr-FR" });
        context.SetDefaultTimeout(15000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(App, userId);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

public sealed class FeedbackJourneyTests(FeedbackBrowserFixture fx) : IClassFixture<FeedbackBrowserFixture>
{
    [Fact]
    public async Task A_moderator_answers_three_ideas_with_a_template_and_publishes_them_and_each_author_is_told()
    {
        _ = fx.App.BaseUrl; // start the server before seeding
        var cycle = await FeedbackSeed.CycleAsync(fx.App, 3);
        var moderatorId = await fx.App.CreateUserAsync("moderatrice@test.ma", Roles.Moderator);
        var page = await fx.PageAsAsync(moderatorId);

        await page.GotoAsync($"/cycles/{cycle.Id}/feedback/templates");
        await page.GetByLabel("Nom du modèle").FillAsync("Retenue pour le plan");
        await page.GetByLabel("Ce qu'est devenue l'idée").SelectOptionAsync("Retained");
        await page.GetByLabel("Justification (Markdown)").FillAsync("Votre idée est **retenue** dans le plan d'action.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.GetByTestId("template-item").WaitForAsync();

        await page.GotoAsync($"/cycles/{cycle.Id}/feedback/manage");
        await page.GetByLabel("Modèle", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Retenue pour le plan (Retenue)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer les brouillons" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("feedback-message")).ToContainTextAsync("3 brouillon(s)");
        foreach (var idea in cycle.Ideas)
            await page.GetByLabel($"Sélectionner « {idea.Title} »").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "feedback-manage");
        await page.GetByTestId("publish-selected").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feedback-message")).ToContainTextAsync("3 réponse(s) publiée(s)");

        foreach (var idea in cycle.Ideas)
        {
            var mail = await fx.App.Mail.WaitForAsync(idea.AuthorEmail, m => m.Subject.Contains(idea.Title, StringComparison.Ordinal));
            Assert.Contains($"/cycles/{cycle.Id}/feedback#p-{idea.Id}", mail.Text, StringComparison.Ordinal);
            Assert.Contains("/unsubscribe?token=", mail.Html, StringComparison.Ordinal);
        }

        var visitor = await fx.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fx.App.BaseUrl, Locale = "fr-FR" });
        await visitor.GotoAsync($"/cycles/{cycle.Id}/feedback");
        await Assertions.Expect(visitor.GetByTestId("feedback-state")).ToHaveCountAsync(3);
        await Assertions.Expect(visitor.GetByTestId("feedback-coverage")).ToContainTextAsync("3 idées sur 3");
        await Assertions.Expect(visitor.Locator(".feedback-justification strong").First).ToHaveTextAsync("retenue");
        await BrowserFixture.ScreenshotAsync(visitor, "feedback-public");

        await visitor.GotoAsync($"/cycles/{cycle.Id}/feedback?culture=ar");
        Assert.Equal("rtl", await visitor.Locator("html").GetAttributeAsync("dir"));
        await Assertions.Expect(visitor.GetByTestId("feedback-state").First).ToHaveTextAsync("مقبولة");
    }
}
