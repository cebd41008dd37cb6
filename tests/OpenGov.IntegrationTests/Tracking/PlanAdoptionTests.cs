using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Tracking;

internal static class AdoptionSteps
{
    /// <summary>The committee retains the sheet and publishes the selection; the administrator adopts a plan through the page.</summary>
    public static async Task SelectAndAdoptAsync(this OpenGovFactory app, HttpClient admin, string adminId, Guid cycleId, Guid sheet, string title)
    {
        await app.WithScopeAsync(async sp =>
        {
            var evaluation = sp.GetRequiredService<CommitteeEvaluation>();
            await evaluation.SelectAsync(adminId, true, cycleId, [sheet]);
            await evaluation.PublishSelectionAsync(adminId, true, cycleId, null);
        });
        var response = await admin.SubmitFormAsync("/plan/admin/adopt", new Dictionary<string, string>
        {
            ["CycleId"] = cycleId.ToString(), ["Title"] = title, ["StartYear"] = "2027", ["EndYear"] = "2029",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

public abstract class PlanAdoptionTests(OpenGovFactory app)
{
    [Fact]
    public async Task An_administrator_adopts_a_plan_from_the_published_selection_and_only_the_retained_sheets_become_commitments()
    {
        var (agencyId, _, editorId) = await app.AgencyWithEditorAsync();
        var retained = await app.PublishedSheetAsync(agencyId, editorId, SheetsTestKit.Content("Budget local ouvert", "Publier les budgets", "Former les élus"));
        var cycleId = await app.WithDbAsync(db => db.Set<Sheet>().Where(s => s.Id == retained).Select(s => s.CycleId).SingleAsync());
        var (admin, adminId) = await app.SignedInClientAsync(Roles.Administrator);

        // No published selection yet: the cycle is not offered and a forged post is refused on the form.
        Assert.NotNull((await admin.GetDocumentAsync("/plan/admin/adopt")).QuerySelector("[data-testid=adopt-empty]"));

        await app.SelectAndAdoptAsync(admin, adminId, cycleId, retained, "Plan adopté <script>x</script>");

        var commitment = await app.WithDbAsync(db => db.Set<Commitment>().Include(c => c.Activities)
            .Where(c => db.Set<OpenGov.Tracking.Plans.Plan>().Any(p => p.Id == c.PlanId && p.Title.StartsWith("Plan adopté"))).SingleAsync());
        Assert.Equal("Budget local ouvert", commitment.Title);
        Assert.Equal(retained, commitment.SourceSheetId);
        Assert.Equal(2, commitment.Activities.Count);
        var plan = await app.WithDbAsync(db => db.Set<OpenGov.Tracking.Plans.Plan>().SingleAsync(p => p.Id == commitment.PlanId));
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public async Task Only_administrators_adopt()
    {
        var (citizen, _) = await app.SignedInClientAsync(Roles.CommitteeMember);
        var response = await citizen.GetAsync("/plan/admin/adopt");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        Assert.DoesNotContain("/plan/admin/adopt", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        var post = await citizen.PostAsync("/plan/admin/adopt", new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "x" }));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<OpenGov.Tracking.Plans.Plan>().CountAsync(p => p.Title == "x")));
    }
}

public sealed class PlanAdoptionTests_Sqlite(SqliteFactory app) : PlanAdoptionTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class PlanAdoptionTests_Postgres(PostgresFactory app) : PlanAdoptionTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class PlanAdoptionTests_SqlServer(SqlServerFactory app) : PlanAdoptionTests(app), IClassFixture<SqlServerFactory>;

/// <summary>Its own database: the adoption page must offer no cycle before the other class's first selection.</summary>
public abstract class PlanAdoptionTranslationTests(OpenGovFactory app)
{
    [Fact]
    public async Task Adopting_a_translated_sheet_carries_its_arabic_and_english_texts_into_the_commitment_and_activities()
    {
        var (agencyId, _, editorId) = await app.AgencyWithEditorAsync();
        var content = SheetsTestKit.Content("Registre ouvert des marchés", "Publier le registre", "Former les acheteurs") with
        {
            HowItSolves = "Les citoyens suivent chaque marché.",
        };
        var (first, second) = (content.Activities[0].Id, content.Activities[1].Id);
        content = content with
        {
            Ar = new Dictionary<string, string>
            {
                [SheetSections.Title] = "سجل مفتوح للصفقات", [SheetSections.Problem] = "المشكلة الأولية موصوفة هنا.",
                [SheetSections.Commitment] = "نشر بيانات الميزانية المحلية.", [SheetSections.HowItSolves] = "يتابع المواطنون كل صفقة.",
                [SheetSections.Activity(first)] = "نشر السجل",
            },
            // English lacks the second part of the description: the English description stays missing, never half translated.
            En = new Dictionary<string, string> { [SheetSections.Title] = "Open procurement register", [SheetSections.Commitment] = "Publish local budget data." },
        };
        var sheet = await app.PublishedSheetAsync(agencyId, editorId, content);
        var cycleId = await app.WithDbAsync(db => db.Set<Sheet>().Where(s => s.Id == sheet).Select(s => s.CycleId).SingleAsync());
        var (admin, adminId) = await app.SignedInClientAsync(Roles.Administrator);
        await app.SelectAndAdoptAsync(admin, adminId, cycleId, sheet, "Plan traduit");
        var commitment = await app.WithDbAsync(db => db.Set<Commitment>()
            .Where(c => c.SourceSheetId == sheet).Select(c => new { c.Id, c.PlanId }).SingleAsync());
        await app.WithScopeAsync(sp => sp.GetRequiredService<PlanAdministration>().PublishAsync(commitment.PlanId, adminId));

        var ar = await app.CreateBrowserlikeClient().GetDocumentAsync($"/plan/commitments/{commitment.Id}?culture=ar");
        var h1 = ar.QuerySelector("h1")!;
        Assert.Contains("سجل مفتوح للصفقات", h1.TextContent, StringComparison.Ordinal);
        Assert.Null(h1.QuerySelector("[lang=fr]"));
        var texts = ar.QuerySelectorAll("p.plan-text").ToList();
        Assert.Contains("المشكلة الأولية", texts[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("نشر بيانات الميزانية المحلية.", texts[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("يتابع المواطنون كل صفقة.", texts[1].TextContent, StringComparison.Ordinal);
        Assert.All(texts, t => Assert.Null(t.QuerySelector("[lang=fr]")));
        var activities = ar.QuerySelectorAll("[data-testid=activity-link]").ToList();
        Assert.Contains("نشر السجل", activities[0].TextContent, StringComparison.Ordinal);
        Assert.Null(activities[0].QuerySelector("[lang=fr]"));
        // The second deliverable has no Arabic: the French original, marked.
        Assert.Contains("Former les acheteurs", activities[1].QuerySelector("[lang=fr]")!.TextContent, StringComparison.Ordinal);

        var en = await app.CreateBrowserlikeClient().GetDocumentAsync($"/plan/commitments/{commitment.Id}?culture=en");
        Assert.Contains("Open procurement register", en.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var description = en.QuerySelectorAll("p.plan-text")[1];
        Assert.Contains("Les citoyens suivent chaque marché.", description.QuerySelector("[lang=fr]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("original text in French", description.TextContent, StringComparison.Ordinal);
    }
}

public sealed class PlanAdoptionTranslationTests_Sqlite(SqliteFactory app) : PlanAdoptionTranslationTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class PlanAdoptionTranslationTests_Postgres(PostgresFactory app) : PlanAdoptionTranslationTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class PlanAdoptionTranslationTests_SqlServer(SqlServerFactory app) : PlanAdoptionTranslationTests(app), IClassFixture<SqlServerFactory>;
