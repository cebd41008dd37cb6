using Microsoft.Playwright;

namespace OpenGov.IntegrationTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for a test class, driven by Playwright (browsers cannot be downloaded here),
/// against the real app on a Kestrel port. Pages get a French default context; screenshots go to TestResults/screenshots.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("OPENGOV_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public KestrelSqliteFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: run the suite through scripts/test.sh, which installs it.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, Locale = "fr-FR" });
        context.SetDefaultTimeout(15000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
