using Microsoft.Playwright;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Tracking;

namespace OpenGov.IntegrationTests.Browser;

/// <summary>A project lead updates progress in a real browser (signed in through the login page); the public dashboard follows.</summary>
public sealed class PlanJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly KestrelSqliteFactory _app = browser.App;
    private PlanT_.Ids _ids = null!;

    public async Task InitializeAsync()
    {
        _ = _app.BaseUrl;
        _ids = await PlanT_.CreateAsync(_app);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IPage> PageAsync(string locale, string? user = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseUrl, Locale = locale });
        context.SetDefaultTimeout(15000);
        var page = await context.NewPageAsync();
        if (user is not null) await page.SignInAsync(_app, user);
        return page;
    }

    private static async Task<string> OverallAsync(IPage page) => (await page.Locator("#overall-rate [role=progressbar]").GetAttributeAsync("aria-valuenow"))!;

    [Fact]
    public async Task A_project_lead_updates_an_activity_and_the_public_dashboard_rates_change()
    {
        var visitor = await PageAsync("fr-FR");
        await visitor.GotoAsync($"/plan/{_ids.Plan}");
        // Plan T: A = (0 + 0) / 2 = 0; B = 0: overall 0.
        Assert.Equal("0", await OverallAsync(visitor));
        await BrowserFixture.ScreenshotAsync(visitor, "plan-dashboard-before-fr");

        var lead = await PageAsync("fr-FR", _ids.LeadA);
        await lead.GotoAsync("/plan/manage");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Registre des bénéficiaires effectifs" }).ClickAsync();
        await lead.Locator($"#pct-{_ids.ActivityA1}").FillAsync("80");
        await lead.Locator($"#df-{_ids.ActivityA1}").FillAsync("Signature de la convention en attente");
        await lead.Locator($"#act-{_ids.ActivityA1}").Locator("xpath=..").GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'avancement" }).ClickAsync();
        await lead.Locator("[role=status], .alert-danger").First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(lead, "plan-manage-after-update-fr");
        Assert.Contains("Modification enregistrée", await lead.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(lead, "plan-manage-after-update-fr");

        // A = (80 + 0) / 2 = 40; B = 0; overall = 20.
        await visitor.ReloadAsync();
        Assert.Equal("20", await OverallAsync(visitor));
        Assert.Contains("20 %", await visitor.Locator("#overall-rate").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("40", await visitor.Locator(".plan-commitments li[data-number='1'] [role=progressbar]").GetAttributeAsync("aria-valuenow"));
        Assert.Equal(2, await visitor.Locator(".plan-commitments li.plan-late").CountAsync());
        await BrowserFixture.ScreenshotAsync(visitor, "plan-dashboard-after-fr");

        var arabic = await PageAsync("ar");
        await arabic.GotoAsync($"/plan/{_ids.Plan}?culture=ar");
        Assert.Equal("rtl", await arabic.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("20", await OverallAsync(arabic));
        // The bar fills from the right in RTL: its fill starts at the track's right edge.
        var track = (await arabic.Locator("#overall-rate .plan-bar").BoundingBoxAsync())!;
        var fill = (await arabic.Locator("#overall-rate .plan-bar-fill").BoundingBoxAsync())!;
        Assert.Equal(track.X + track.Width, fill.X + fill.Width, 1);
        Assert.Equal(track.Width * 0.2, fill.Width, 1);
        await BrowserFixture.ScreenshotAsync(arabic, "plan-dashboard-after-ar");

        await arabic.GotoAsync($"/plan/commitments/{_ids.CommitmentA}?culture=ar");
        Assert.Contains("Signature de la convention en attente", await arabic.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(arabic, "plan-commitment-ar");
    }
}
