using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Browser;

/// <summary>The issue's journey in real Chromium: register, confirm from the mailed link, sign in, switch to Arabic.</summary>
public sealed partial class RegistrationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_registers_confirms_signs_in_and_reads_the_site_in_arabic()
    {
        var page = await fixture.NewPageAsync();
        var email = $"journey-{Guid.NewGuid():N}"[..20] + "@example.ma";
        const string password = "une phrase de passe assez longue";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).First.ClickAsync();
        await page.WaitForURLAsync("**/account/register");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Nom affiché").FillAsync("Hajar El Idrissi");
        await page.GetByLabel("Organisation (facultatif)").FillAsync("Espace associatif");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirmez le mot de passe").FillAsync(password);
        await BrowserFixture.ScreenshotAsync(page, "registration-fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await page.WaitForURLAsync("**/account/check-inbox**");
        await Assertions.Expect(page.Locator("[data-testid=check-inbox]")).ToContainTextAsync(email);

        var mail = await fixture.App.Mail.WaitForAsync(email);
        var link = LinkRegex().Match(mail.Text).Value;
        Assert.False(string.IsNullOrEmpty(link), mail.Text);
        Assert.StartsWith(fixture.App.BaseUrl, link, StringComparison.Ordinal);
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("[data-testid=email-confirmed]")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=account-link]")).ToBeVisibleAsync();
        await page.GotoAsync("/account/manage");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await BrowserFixture.ScreenshotAsync(page, "profile-fr");

        await page.GetByRole(AriaRole.Button, new() { Name = "العربية" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ملفي الشخصي");
        await Assertions.Expect(page.GetByLabel("الاسم المعروض")).ToHaveValueAsync("Hajar El Idrissi");
        await BrowserFixture.ScreenshotAsync(page, "profile-ar");
        await page.GotoAsync("/account/register");
        await BrowserFixture.ScreenshotAsync(page, "registration-ar");
    }

    [GeneratedRegex(@"https?://\S+/account/confirm-email\?\S+")]
    private static partial Regex LinkRegex();
}
