using Microsoft.Playwright;

namespace OpenGov.IntegrationTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for a test class, driven by Playwright (browsers cannot be downloaded here),
/// against the real app on a Kestrel port. Pages get a French default context; screenshots go to TestResults/screenshots.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() : this(new KestrelSqliteFactory()) { }

    /// <summary>For fixtures that run another configuration of the app (e.g. with demo data).</summary>
    protected BrowserFixture(KestrelSqliteFactory app) => App = app;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("OPENGOV_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public KestrelSqliteFactory App { get; }

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

    /// <summary>A new page (French context) signed in as <paramref name="userId"/> through the login page.</summary>
    public async Task<IPage> NewSignedInPageAsync(string userId)
    {
        var page = await NewPageAsync();
        await page.SignInAsync(App, userId);
        return page;
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

/// <summary>Browser sign-in: the real login page, filled and submitted like a person would (see OpenGovFactory.SignedInClientAsync).</summary>
public static class BrowserSignIn
{
    /// <summary>Signs the page's browser context in as <paramref name="userId"/> (a user made by CreateUserAsync).</summary>
    public static async Task SignInAsync(this IPage page, OpenGovFactory app, string userId)
    {
        var email = await app.EmailOfAsync(userId);
        await page.GotoAsync("/account/login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(OpenGovFactory.Password);
        await page.Locator("[data-testid=login-form] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        if (!(await page.Context.CookiesAsync()).Any(c => c.Name == "opengov.auth"))
            throw new InvalidOperationException($"Login of {email} in the browser did not issue the authentication cookie.");
    }
}
