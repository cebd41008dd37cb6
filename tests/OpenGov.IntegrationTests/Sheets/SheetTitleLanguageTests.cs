using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Follows;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Data;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.IntegrationTests.Sheets;

/// <summary>Sheet titles in the reader's language where lists and mails name a sheet: the published title's translation,
/// else the French original (marked on pages).</summary>
public abstract class SheetTitleLanguageTests(OpenGovFactory app)
{
    private async Task<(Guid Cycle, Guid Translated, Guid Untranslated, string Suffix)> SheetsAsync()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var translated = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche traduite " + suffix, "Atelier") with
        {
            Ar = new Dictionary<string, string> { [SheetSections.Title] = "بطاقة مترجمة " + suffix },
        });
        var cycle = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<Sheet>().Where(s => s.Id == translated).Select(s => s.CycleId)));
        var untranslated = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche en français " + suffix, "Atelier"), cycle: cycle);
        return (cycle, translated, untranslated, suffix);
    }

    [Fact]
    public async Task Evaluation_selection_and_score_pages_show_the_arabic_title_or_the_marked_french_one()
    {
        var (cycle, translated, untranslated, suffix) = await SheetsAsync();
        var (member, adminId) = await app.SignedInClientAsync(Roles.Administrator);

        var evaluation = await member.GetDocumentAsync($"/sheets/evaluation?cycle={cycle}&culture=ar");
        var arabic = evaluation.QuerySelector($"a[href='/sheets/{translated}']")!;
        Assert.Equal("بطاقة مترجمة " + suffix, arabic.TextContent.Trim());
        Assert.Null(arabic.QuerySelector("[lang=fr]"));
        var french = evaluation.QuerySelector($"a[href='/sheets/{untranslated}']")!;
        Assert.Equal("Fiche en français " + suffix, french.QuerySelector("span[lang=fr][dir=ltr]")!.TextContent);
        Assert.NotNull(french.QuerySelector(".official-original"));
        Assert.Contains(evaluation.QuerySelectorAll("input[name=Selected]"), i => i.GetAttribute("aria-label")!.Contains("بطاقة مترجمة " + suffix, StringComparison.Ordinal));

        var score = await member.GetDocumentAsync($"/sheets/{translated}/score?culture=ar");
        Assert.Equal("بطاقة مترجمة " + suffix, score.QuerySelector($"a[href='/sheets/{translated}']")!.TextContent.Trim());

        await app.WithScopeAsync(async sp =>
        {
            var e = sp.GetRequiredService<CommitteeEvaluation>();
            await e.SelectAsync(adminId, true, cycle, [translated]);
            await e.PublishSelectionAsync(adminId, true, cycle, null);
        });
        var selection = await app.CreateBrowserlikeClient().GetDocumentAsync($"/sheets/selection?cycle={cycle}&culture=ar");
        Assert.Equal("بطاقة مترجمة " + suffix, selection.QuerySelector($"a[href='/sheets/{translated}']")!.TextContent.Trim());
        Assert.NotNull(selection.QuerySelector($"a[href='/sheets/{untranslated}'] span[lang=fr]"));
        var inFrench = await app.CreateBrowserlikeClient().GetDocumentAsync($"/sheets/selection?cycle={cycle}");
        Assert.Equal("Fiche traduite " + suffix, inFrench.QuerySelector($"a[href='/sheets/{translated}']")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_evaluation_page_names_the_cycle_in_arabic_or_marks_the_french_title_in_the_text_and_the_selector()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (translated, untranslated) = (await app.CycleAsync(), await app.CycleAsync());
        await app.WithDbAsync(async db =>
        {
            var cycle = await db.Set<OpenGov.Consultation.Cycles.Cycle>().FindAsync(translated);
            cycle!.Translate(new OpenGov.SharedKernel.Text.LocalizedText("Cycle traduit " + suffix, "دورة مترجمة " + suffix), new(""));
            await db.SaveChangesAsync();
        });
        var untranslatedTitle = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<OpenGov.Consultation.Cycles.Cycle>().Where(c => c.Id == untranslated).Select(c => c.Title)));
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);

        var arabic = await admin.GetDocumentAsync($"/sheets/evaluation?cycle={translated}&culture=ar");
        var lead = arabic.QuerySelector("[data-testid=evaluation-cycle]")!;
        Assert.Contains("دورة مترجمة " + suffix, lead.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Cycle traduit", lead.TextContent, StringComparison.Ordinal);
        Assert.Null(lead.QuerySelector("[lang=fr]"));
        var option = arabic.QuerySelector($"#cycle option[value='{translated}']")!;
        Assert.Equal("دورة مترجمة " + suffix, option.TextContent);
        Assert.Null(option.GetAttribute("lang"));
        Assert.True(option.HasAttribute("selected"));
        var frenchOption = arabic.QuerySelector($"#cycle option[value='{untranslated}']")!;
        Assert.Equal((untranslatedTitle, "fr"), (frenchOption.TextContent, frenchOption.GetAttribute("lang")));

        var fallback = (await admin.GetDocumentAsync($"/sheets/evaluation?cycle={untranslated}&culture=ar")).QuerySelector("[data-testid=evaluation-cycle]")!;
        Assert.Equal(untranslatedTitle, fallback.QuerySelector("span[lang=fr][dir=ltr]")!.TextContent);
        Assert.NotNull(fallback.QuerySelector(".official-original"));

        // The French interface shows the French original, unmarked.
        var french = await admin.GetDocumentAsync($"/sheets/evaluation?cycle={translated}&culture=fr");
        Assert.Equal("Cycle : Cycle traduit " + suffix, french.QuerySelector("[data-testid=evaluation-cycle]")!.TextContent.Trim());
        Assert.Null(french.QuerySelector("[data-testid=evaluation-cycle] [lang]"));
        Assert.Null(french.QuerySelector($"#cycle option[value='{translated}']")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_mail_naming_a_sheet_uses_the_title_in_the_recipients_language_or_the_french_one()
    {
        var (_, translated, _, suffix) = await SheetsAsync();
        var arabicReader = $"ar{Guid.NewGuid():N}"[..12] + "@test.ma";
        var englishReader = $"en{Guid.NewGuid():N}"[..12] + "@test.ma";
        var adminId = await app.CreateUserAsync($"ad{Guid.NewGuid():N}"[..12] + "@test.ma");
        foreach (var (email, culture) in new[] { (arabicReader, "ar"), (englishReader, "en") })
        {
            var userId = await app.CreateUserAsync(email);
            await app.WithScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                var user = await users.FindByIdAsync(userId);
                user!.PreferredCulture = culture;
                await users.UpdateAsync(user);
                await sp.GetRequiredService<Followers>().FollowAsync(userId, FollowTarget.Sheet, translated);
            });
        }

        await app.WithScopeAsync(sp => sp.GetRequiredService<SheetAdministration>()
            .ExtendAsync(adminId, translated, app.Clock.UtcNow.AddDays(20), "Demande des associations"));
        await app.WithScopeAsync(sp => sp.GetRequiredService<OpenGov.Web.Infrastructure.Notifications.OutboxDelivery>().DeliverAllDueAsync("sheet-title-test"));

        var arabic = await app.Mail.WaitForAsync(arabicReader);
        Assert.Contains("« بطاقة مترجمة " + suffix + " »", arabic.Subject, StringComparison.Ordinal);
        Assert.Contains("بطاقة مترجمة " + suffix, arabic.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", arabic.Text, StringComparison.Ordinal);
        // No English title: the French original.
        var english = await app.Mail.WaitForAsync(englishReader);
        Assert.Contains("Fiche traduite " + suffix, english.Subject, StringComparison.Ordinal);
        Assert.Contains("Fiche traduite " + suffix, english.Text, StringComparison.Ordinal);
    }
}

public sealed class SheetTitleLanguageTests_Sqlite(SqliteFactory app) : SheetTitleLanguageTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class SheetTitleLanguageTests_Postgres(PostgresFactory app) : SheetTitleLanguageTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class SheetTitleLanguageTests_SqlServer(SqlServerFactory app) : SheetTitleLanguageTests(app), IClassFixture<SqlServerFactory>;
