using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Translations;

/// <summary>A translation whose French original changed after it was saved is flagged "possibly out of date" on the
/// side-by-side form (per field and language) and counted in its completeness, until the translation is saved again.</summary>
public abstract class StaleTranslationTests(OpenGovFactory app)
{
    // SheetContent.Texts order: title 0, ..., commitment 6.
    private const int TitleField = 0, CommitmentField = 6;

    private static IReadOnlyList<IElement> Fields(IDocument form) => form.QuerySelectorAll("[data-testid=translation-field]").ToList();

    private static IReadOnlyList<string> StaleLanguages(IElement field)
        => field.QuerySelectorAll("[data-testid=translation-stale]").Select(e => e.GetAttribute("data-lang")!).ToList();

    [Fact]
    public async Task A_sheet_translation_is_flagged_when_the_french_changes_through_the_sheet_form_until_saved_again()
    {
        var (agency, editor, editorId) = await app.AgencyWithEditorAsync();
        var content = SheetsTestKit.Content("Fiche suivie " + Guid.NewGuid().ToString("N")[..6], "Former les agents");
        var sheet = await app.PublishedSheetAsync(agency, editorId, content with
        {
            // Translated before anything was recorded: a French change then flags nothing (no record).
            Ar = new Dictionary<string, string> { [OpenGov.Consultation.Sheets.SheetSections.Problem] = "المشكلة كما كانت" },
        });
        var form = $"/admin/translations/sheet/{sheet}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync($"/sheets/{sheet}/edit", new Dictionary<string, string>
        {
            ["Form.Problem"] = "Le problème a été reformulé.",
        }, "form.sheet-edit")).StatusCode);
        Assert.Empty((await editor.GetDocumentAsync(form)).QuerySelectorAll("[data-testid=translation-stale]"));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(form, new Dictionary<string, string>
        {
            [$"Ar[{TitleField}]"] = "بطاقة متابعة", [$"Ar[{CommitmentField}]"] = "نشر المعطيات", [$"En[{CommitmentField}]"] = "Publish the data",
        })).StatusCode);
        var saved = await editor.GetDocumentAsync(form);
        Assert.Empty(saved.QuerySelectorAll("[data-testid=translation-stale]"));
        Assert.Null(saved.QuerySelector("[data-testid=translation-stale-count]"));

        // The French commitment changes through the sheet's own form (the translations are kept).
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync($"/sheets/{sheet}/edit", new Dictionary<string, string>
        {
            ["Form.Commitment"] = "Publier les données chaque trimestre.",
        }, "form.sheet-edit")).StatusCode);

        var stale = await editor.GetDocumentAsync(form + "?culture=ar");
        var fields = Fields(stale);
        Assert.Equal(["ar", "en"], StaleLanguages(fields[CommitmentField]));
        Assert.Empty(StaleLanguages(fields[TitleField]));   // its French did not change
        Assert.Empty(StaleLanguages(fields[4]));            // problem: its French did not change since the save
        Assert.NotNull(fields[CommitmentField].QuerySelector("#Ar_6_stale"));
        Assert.Equal("Ar_6_stale", fields[CommitmentField].QuerySelector("#Ar_6")!.GetAttribute("aria-describedby"));
        Assert.Contains("2", stale.QuerySelector("[data-testid=translation-stale-count]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("قد تكون متجاوزة", stale.QuerySelector("[data-testid=translation-stale-count]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2", (await editor.GetDocumentAsync($"/sheets/{sheet}")).QuerySelector("[data-testid=translation-status] [data-testid=translation-stale-count]")!.TextContent, StringComparison.Ordinal);

        // Saving the translations again (reviewed, Arabic corrected, English kept) clears both flags.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(form, new Dictionary<string, string>
        {
            [$"Ar[{CommitmentField}]"] = "نشر المعطيات كل ثلاثة أشهر",
        })).StatusCode);
        var fresh = await editor.GetDocumentAsync(form);
        Assert.Empty(fresh.QuerySelectorAll("[data-testid=translation-stale]"));
        Assert.Null(fresh.QuerySelector("[data-testid=translation-stale-count]"));
    }

    [Fact]
    public async Task A_commitment_translation_left_unchanged_while_its_french_is_edited_on_the_form_is_flagged_until_confirmed()
    {
        var (admin, adminId) = await app.SignedInClientAsync(Roles.Administrator);
        var title = "Engagement suivi " + Guid.NewGuid().ToString("N")[..6];
        var commitmentId = await app.WithScopeAsync(async sp =>
        {
            var planId = await sp.GetRequiredService<PlanAdministration>().AdoptAsync("Plan " + title, 2027, 2029, null,
                [new AdoptedCommitment(1, title, "Transparence", "Agence", "Problème", "Description", [])], adminId);
            return await sp.GetRequiredService<DbContext>().Set<Commitment>().Where(c => c.PlanId == planId).Select(c => c.Id).SingleAsync();
        });
        var form = $"/admin/translations/commitment/{commitmentId}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(form, new Dictionary<string, string>
        {
            ["Ar[0]"] = "التزام متابع", ["Ar[1]"] = "المشكلة",
        })).StatusCode);

        // The French title is rewritten on the same form, the Arabic left as it was: it was not re-translated.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(form, new Dictionary<string, string> { ["Fr[0]"] = title + " (révisé)" })).StatusCode);
        var doc = await admin.GetDocumentAsync(form);
        Assert.Equal(["ar"], StaleLanguages(Fields(doc)[0]));
        Assert.Empty(StaleLanguages(Fields(doc)[1]));
        Assert.Contains("1", doc.QuerySelector("[data-testid=translation-stale-count]")!.TextContent, StringComparison.Ordinal);
        // Counted beside the commitment in the plan's administration too.
        var planId = await app.WithDbAsync(db => db.Set<Commitment>().Where(c => c.Id == commitmentId).Select(c => c.PlanId).SingleAsync());
        var plan = await admin.GetDocumentAsync($"/plan/admin/{planId}?culture=fr");
        var status = plan.QuerySelectorAll("[data-testid=translation-status]")
            .Single(s => s.QuerySelector($"a[href='{form}']") is not null);
        Assert.Contains("Peut-être périmées : 1", status.TextContent, StringComparison.Ordinal);

        // Saved again as reviewed, the French unchanged: confirmed, no longer flagged.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(form, new Dictionary<string, string>())).StatusCode);
        Assert.Empty((await admin.GetDocumentAsync(form)).QuerySelectorAll("[data-testid=translation-stale]"));
        Assert.Null((await admin.GetDocumentAsync($"/plan/admin/{planId}")).QuerySelector("[data-testid=translation-stale-count]"));
    }
}

public sealed class StaleTranslationTests_Sqlite(SqliteFactory app) : StaleTranslationTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class StaleTranslationTests_Postgres(PostgresFactory app) : StaleTranslationTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class StaleTranslationTests_SqlServer(SqlServerFactory app) : StaleTranslationTests(app), IClassFixture<SqlServerFactory>;
