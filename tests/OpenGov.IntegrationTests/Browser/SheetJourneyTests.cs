using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Browser;

/// <summary>
/// On a phone (390px wide): an association member comments on one activity as the association; the lead agency replies,
/// revises the activity and publishes version 2 integrating the comment; the public trail and the version diff show it.
/// </summary>
public sealed class SheetJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> PageAsAsync(string userId)
    {
        var app = browser.App;
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(15000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(app, userId);
        return page;
    }

    [Fact]
    public async Task An_association_comments_an_activity_the_agency_replies_and_integrates_it_in_version_2()
    {
        var app = browser.App;
        _ = app.BaseUrl;
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheetId = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Budget ouvert des communes", "Publier les budgets communaux"));
        var memberId = await app.CreateUserAsync("membre.journey@test.opengov.ma", Roles.AssociationMember);
        await app.WithDbAsync(async db =>
        {
            var association = new Association(Guid.NewGuid(), "Association Budget Citoyen", "ABC", OpenGov.SharedKernel.Regions.National, "", null, null, "", memberId, app.Clock.UtcNow);
            association.Verify("moderator", app.Clock.UtcNow);
            db.Add(association);
            await db.SaveChangesAsync();
        });
        var activityId = (await app.WithScopeAsync(sp => sp.GetRequiredService<SheetQueries>().VersionAsync(sheetId, 1)))!.Activities[0].Id;
        var anchor = "activity-" + activityId;

        // The member, on a phone, opens the activity's comment form right under it and comments as the association.
        var member = await PageAsAsync(memberId);
        await member.GotoAsync($"/sheets/{sheetId}");
        var button = member.Locator($"[data-testid='comment-{anchor}']");
        var box = await button.BoundingBoxAsync();
        Assert.True(box!.Width > 300, $"the comment button spans the phone's width ({box.Width}px)");
        await button.TapAsync();
        await member.FillAsync($"#body-{anchor}", "Préciser le calendrier de publication des budgets.");
        await member.SelectOptionAsync($"#as-{anchor}", new SelectOptionValue { Label = "Association Budget Citoyen" });
        await member.ClickAsync($"#s-{anchor} form button[type=submit]");
        // It lands on the section's page that holds the new comment, with a confirmation.
        await member.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/sheets/{sheetId}\\?section=[^#]+#c-[0-9a-f-]{{36}}$"));
        Assert.Contains("votre commentaire est publié", await member.Locator("[data-testid=notice]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1", await member.Locator($"[data-testid='count-{anchor}']").InnerTextAsync());
        Assert.Contains("Association Budget Citoyen", await member.Locator($"#s-{anchor} .sheet-comment").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(member, "sheet-comment-phone-fr");

        // The lead agency replies, revises the activity and publishes version 2, integrating the comment.
        var editor = await PageAsAsync(editorId);
        await editor.GotoAsync($"/sheets/{sheetId}#s-{anchor}");
        await editor.Locator($"#s-{anchor} .sheet-reply-form summary").TapAsync();
        await editor.FillAsync($"#s-{anchor} .sheet-reply-form textarea", "Le calendrier sera publié chaque trimestre.");
        await editor.ClickAsync($"#s-{anchor} .sheet-reply-form button[type=submit]");
        await editor.GotoAsync($"/sheets/{sheetId}/edit");
        await editor.FillAsync("#act-0", "Publier les budgets communaux chaque trimestre");
        await editor.ClickAsync("form.sheet-edit button[type=submit]");
        await editor.WaitForURLAsync("**/edit?saved=true");
        await editor.GotoAsync($"/sheets/{sheetId}/publish");
        await editor.FillAsync("#ChangeNote", "Calendrier trimestriel, suite à l'Association Budget Citoyen");
        await editor.SelectOptionAsync("#h-0", "Integrated");
        await editor.ClickAsync("main form button[type=submit]");
        await editor.WaitForURLAsync($"**/sheets/{sheetId}");

        var reader = await browser.NewPageAsync();
        await reader.SetViewportSizeAsync(390, 844);
        await reader.GotoAsync($"/sheets/{sheetId}#trail");
        var trail = await reader.Locator("[data-testid=trail]").InnerTextAsync();
        Assert.Contains("Préciser le calendrier", trail, StringComparison.Ordinal);
        Assert.Contains("Le calendrier sera publié chaque trimestre.", trail, StringComparison.Ordinal);
        Assert.Contains("Intégré", trail, StringComparison.Ordinal);
        Assert.Contains("version 2", trail, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(reader, "sheet-trail-fr");
        await reader.GotoAsync($"/sheets/{sheetId}/compare?from=1&to=2");
        Assert.Equal("chaque trimestre", (await reader.Locator($"[data-key='activity:{activityId}'] ins").InnerTextAsync()).Trim());
        await BrowserFixture.ScreenshotAsync(reader, "sheet-diff-fr");

        await reader.GotoAsync($"/sheets/{sheetId}/compare?from=1&to=2&culture=ar");
        Assert.Equal("rtl", await reader.Locator("html").GetAttributeAsync("dir"));
        Assert.Contains("مقارنة", await reader.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(reader, "sheet-diff-ar");
        await reader.GotoAsync($"/sheets/{sheetId}?culture=ar");
        Assert.Contains("مسار التعليقات", await reader.Locator("#h-trail").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(reader, "sheet-trail-ar");
    }

    [Fact]
    public async Task The_agency_editor_translates_side_by_side_on_a_phone_and_publishes_the_arabic_version()
    {
        var app = browser.App;
        _ = app.BaseUrl;
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheetId = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche à traduire", "Former les agents"));

        // From the sheet page, the editor follows the translation link beside the draft's completeness.
        var editor = await PageAsAsync(editorId);
        await editor.GotoAsync($"/sheets/{sheetId}");
        Assert.Contains("ar 0/4", await editor.Locator("[data-testid=translation-status]").InnerTextAsync(), StringComparison.Ordinal);
        await editor.Locator("[data-testid=translation-status] a").ClickAsync();
        await editor.WaitForURLAsync($"**/admin/translations/sheet/{sheetId}");
        // French, Arabic and English of the title one under the other on a phone, the Arabic box right-to-left.
        var fr = await editor.Locator("#Fr_0").BoundingBoxAsync();
        var ar = await editor.Locator("#Ar_0").BoundingBoxAsync();
        Assert.True(ar!.Y > fr!.Y && ar.Width > 300, "the languages stack on a phone");
        Assert.Equal("rtl", await editor.Locator("#Ar_0").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await editor.FillAsync("#Ar_0", "بطاقة للترجمة");
        await editor.FillAsync("#Ar_4", "المشكلة الأولية موصوفة هنا.");
        // The form redirects to its own address: wait for its confirmation, not for a URL the page already has.
        await editor.ClickAsync("main form button[type=submit]");
        await editor.Locator("main .alert-success[role=status]").WaitForAsync();
        Assert.Contains("ar 2/4", await editor.Locator("[data-testid=translation-coverage]").InnerTextAsync(), StringComparison.Ordinal);

        await editor.GotoAsync($"/sheets/{sheetId}/publish");
        await editor.FillAsync("#ChangeNote", "Traduction arabe");
        await editor.ClickAsync("main form button[type=submit]");
        // The redirect committing is the outcome; the editor's page is not read again, so its load event is not awaited
        // (a CI run once timed out waiting for it after the redirect had arrived).
        try { await editor.WaitForURLAsync($"**/sheets/{sheetId}", new() { WaitUntil = WaitUntilState.Commit }); }
        catch (TimeoutException)
        {
            // A refusal stays on the form: say what it said rather than time out silently.
            Assert.Fail($"publishing stayed on {editor.Url}: {await editor.Locator("main").InnerTextAsync()}");
        }

        // A visitor reading Arabic sees the translated title and the French commitment marked as the original.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync($"/sheets/{sheetId}?culture=ar");
        Assert.Equal("بطاقة للترجمة", (await visitor.Locator("#sheet-title").InnerTextAsync()).Trim());
        Assert.Equal("fr", await visitor.Locator("[data-field=commitment] div[lang]").GetAttributeAsync("lang"));
        Assert.Equal(0, await visitor.Locator("[data-field=problem] .official-original").CountAsync());
        await context.CloseAsync();
    }
}
