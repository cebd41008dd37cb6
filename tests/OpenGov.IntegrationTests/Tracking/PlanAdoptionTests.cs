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

        await app.WithScopeAsync(async sp =>
        {
            var evaluation = sp.GetRequiredService<CommitteeEvaluation>();
            await evaluation.SelectAsync(adminId, true, cycleId, [retained]);
            await evaluation.PublishSelectionAsync(adminId, true, cycleId, null);
        });

        var response = await admin.SubmitFormAsync("/plan/admin/adopt", new Dictionary<string, string>
        {
            ["CycleId"] = cycleId.ToString(), ["Title"] = "Plan adopté <script>x</script>", ["StartYear"] = "2027", ["EndYear"] = "2029",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

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
