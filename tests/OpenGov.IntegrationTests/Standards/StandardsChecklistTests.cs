using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Meetings;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.Tracking.Plans;

namespace OpenGov.IntegrationTests.Standards;

/// <summary>The OGP standards checklist computed from real records: page, synthesis report and open-data API.</summary>
public abstract class StandardsChecklistTests(OpenGovFactory app)
{
    private static readonly string[] AllKeys = ["Forum", "Parity", "Timeline", "Windows", "Responses", "Repository", "Updates"];

    private static Proposal PublicIdea(Guid cycleId, Guid axisId, DateTime at)
    {
        var p = new Proposal(Guid.NewGuid(), cycleId, "author-" + Guid.NewGuid().ToString("N")[..6], "Auteur", SubmitterType.Citizen, null, null,
            new ProposalContent("Idée " + Guid.NewGuid().ToString("N")[..6], "Problème", "Solution", axisId, "national", "Impact"), at);
        p.Submit(at);
        p.Publish(at);
        return p;
    }

    [Fact]
    public async Task A_cycle_with_its_records_meets_every_requirement_with_links_to_the_evidence()
    {
        var now = app.Clock.UtcNow;
        var (agencyId, _, editorId) = await app.AgencyWithEditorAsync();
        var (_, leadId) = await app.SignedInClientAsync();
        var cycleId = Guid.NewGuid();
        var meetingIds = new List<Guid>();
        Guid commitmentId = default;
        await app.WithDbAsync(async db =>
        {
            var cycle = new Cycle(cycleId, "Cycle conforme " + cycleId.ToString("N")[..6], "", now.Year, now.Year + 2, now.AddDays(-400));
            var axis = cycle.AddAxis("a", "Axe", "محور", "Axis");
            // Timeline set 30 days before the co-creation; collection 60 days, consultation 30 days, adoption until 10 days ago.
            cycle.SetPhase(PhaseKind.ProposalCollection, now.AddDays(-300), now.AddDays(-240), now.AddDays(-330));
            cycle.SetPhase(PhaseKind.PublicConsultation, now.AddDays(-200), now.AddDays(-170), now.AddDays(-330));
            cycle.SetPhase(PhaseKind.Adoption, now.AddDays(-170), now.AddDays(-10), now.AddDays(-330));
            db.Add(cycle);
            foreach (var day in new[] { -290, -210, -130, -50 })
            {
                var m = new Meeting(Guid.NewGuid(), CommitteeKind.Steering, "Comité de pilotage " + day, DateOnly.FromDateTime(now.AddDays(day)), null, true, now);
                m.WriteMinutes("Relevé de conclusions.");
                m.Publish(now.AddDays(day + 2));
                db.Add(m);
                meetingIds.Add(m.Id);
            }
            if (!await db.Set<Committee>().AnyAsync(c => c.Kind == CommitteeKind.Steering))
            {
                var steering = new Committee(Guid.NewGuid(), CommitteeKind.Steering, "Comité de pilotage", "");
                foreach (var kind in new[] { SeatKind.Government, SeatKind.Government, SeatKind.CivilSociety, SeatKind.CivilSociety })
                {
                    var seat = steering.AddSeat(kind, kind + " seat");
                    steering.AssignMandate(seat.Id, "Titulaire", "Organisation", DateOnly.FromDateTime(now.AddDays(-400)), DateOnly.FromDateTime(now.AddDays(400)));
                }
                db.Add(steering);
            }
            for (var i = 0; i < 3; i++)
            {
                var idea = PublicIdea(cycleId, axis.Id, now.AddDays(-280));
                db.Add(idea);
                var response = new ProposalResponse(idea.Id, cycleId, ResponseState.Retained, null, "Retenue pour le plan.", "moderator", now.AddDays(-100));
                response.Publish("moderator", now.AddDays(-100));
                db.Add(response);
            }
            var plan = new Plan(Guid.NewGuid(), "Plan adopté " + cycleId.ToString("N")[..6], now.Year, now.Year + 2, now.AddDays(-120));
            var planAxis = plan.AddAxis("Axe", null, null);
            plan.LinkToCycle(cycleId);
            plan.Publish(now.AddDays(-100));
            var commitment = new Commitment(Guid.NewGuid(), plan.Id, planAxis.Id, 1, "Budget ouvert", "Ministère", now.AddDays(-120));
            commitment.AssignLead(leadId);
            commitmentId = commitment.Id;
            db.Add(plan);
            db.Add(commitment);
            db.Add(commitment.Touch(leadId, now.AddDays(-20), "progress", "Avancement publié"));
            await db.SaveChangesAsync();
        });
        // A sheet announced today for a window opening in 20 days, open 20 days.
        await app.WithScopeAsync(async sp =>
        {
            var editing = sp.GetRequiredService<SheetEditing>();
            var sheet = await editing.CreateAsync(editorId, agencyId, cycleId, SheetsTestKit.Content("Fiche conforme"));
            await editing.PublishAsync(editorId, "Éditeur", sheet, null, now.AddDays(20), now.AddDays(40), []);
        });
        var client = app.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync($"/cycles/{cycleId}/standards");
        foreach (var key in AllKeys)
            Assert.Equal("Met", page.QuerySelector($"[data-standard={key}]")!.GetAttribute("data-status"));
        var forumLinks = page.QuerySelectorAll("[data-standard=Forum] a[data-evidence=meeting]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(meetingIds.Select(id => $"/meetings/{id}"), forumLinks);
        Assert.Contains("Satisfait", page.QuerySelector("[data-standard=Responses]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 idée(s) sur 3", page.QuerySelector("[data-standard=Responses]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"[data-standard=Repository] a[href='/cycles/{cycleId}/report']"));
        // Shown in the site's zone, as every date (SiteDates).
        var casablanca = TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca"));
        Assert.Contains(casablanca.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr")),
            page.QuerySelector("[data-testid=standards-checked]")!.TextContent, StringComparison.Ordinal);

        var cyclePage = await client.GetDocumentAsync($"/cycles/{cycleId}");
        Assert.NotNull(cyclePage.QuerySelector($"a[data-testid=link-standards][href='/cycles/{cycleId}/standards']"));

        var report = await client.GetDocumentAsync($"/cycles/{cycleId}/report");
        Assert.Equal(7, report.QuerySelectorAll("[data-testid=report-standards] [data-status=Met]").Length);

        var api = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/cycles/{cycleId}/standards")).ReadTextAsync()).RootElement;
        Assert.Equal(cycleId, api.GetProperty("cycleId").GetGuid());
        var checks = api.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(AllKeys, checks.Select(c => c.GetProperty("key").GetString()));
        Assert.All(checks, c => Assert.Equal("Met", c.GetProperty("status").GetString()));
        Assert.Contains(checks.Single(c => c.GetProperty("key").GetString() == "Updates").GetProperty("evidence").EnumerateArray(),
            e => e.GetProperty("url").GetString()!.StartsWith("/plan/", StringComparison.Ordinal));
        Assert.NotEqual(default, commitmentId);
    }

    [Fact]
    public async Task A_cycle_without_records_misses_them_and_says_why()
    {
        var now = app.Clock.UtcNow;
        var cycleId = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            var cycle = new Cycle(cycleId, "Cycle lacunaire " + cycleId.ToString("N")[..6], "", now.Year, now.Year + 2, now.AddDays(-1));
            var axis = cycle.AddAxis("a", "Axe", "محور", "Axis");
            // Dates published the day the 6-day collection opened; one idea, never answered; no plan, no sheet, no meeting.
            cycle.SetPhase(PhaseKind.ProposalCollection, now.AddDays(-1), now.AddDays(5), now.AddDays(-1));
            db.Add(cycle);
            db.Add(PublicIdea(cycleId, axis.Id, now.AddHours(-12)));
            await db.SaveChangesAsync();
        });
        var client = app.CreateBrowserlikeClient();

        var page = await client.GetDocumentAsync($"/cycles/{cycleId}/standards");
        foreach (var key in AllKeys.Except(["Parity"]))
            Assert.Equal("NotMet", page.QuerySelector($"[data-standard={key}]")!.GetAttribute("data-status"));
        Assert.Contains("0 idée(s) sur 1", page.QuerySelector("[data-standard=Responses]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Aucun plan adopté", page.QuerySelector("[data-standard=Repository]")!.TextContent, StringComparison.Ordinal);

        var api = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/cycles/{cycleId}/standards")).ReadTextAsync()).RootElement;
        var windows = api.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "Windows");
        Assert.Equal("NotMet", windows.GetProperty("status").GetString());
        Assert.Equal(14, windows.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "minDays").GetProperty("value").GetDouble());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cycles/{Guid.NewGuid()}/standards")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cycles/{Guid.NewGuid()}/standards")).StatusCode);
        var openApi = await (await client.GetAsync("/openapi/v1.json")).ReadTextAsync();
        Assert.Contains("/api/v1/cycles/{id}/standards", openApi, StringComparison.Ordinal);
        Assert.Contains("StandardsChecklist", openApi, StringComparison.Ordinal);
    }
}

public sealed class StandardsChecklistTests_Sqlite(SqliteFactory app) : StandardsChecklistTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class StandardsChecklistTests_Postgres(PostgresFactory app) : StandardsChecklistTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class StandardsChecklistTests_SqlServer(SqlServerFactory app) : StandardsChecklistTests(app), IClassFixture<SqlServerFactory>;
