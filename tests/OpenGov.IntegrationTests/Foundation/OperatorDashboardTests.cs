using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.IntegrationTests.Feedback;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Foundation;

/// <summary>The operator's dashboard at /admin: its figures match the seeded data, every chart has a text equivalent, administrators only.</summary>
public abstract class OperatorDashboardTests(OpenGovFactory app)
{
    [Fact]
    public async Task The_figures_and_charts_match_the_seeded_cycle_and_each_chart_has_a_text_equivalent()
    {
        // Five ideas: three from the Oriental (two by associations), two from Souss-Massa; two answered publicly.
        var cycle = await FeedbackSeed.CycleAsync(app, 5, region: i => i < 3 ? "oriental" : "souss-massa",
            type: i => i is 1 or 2 ? SubmitterType.Association : SubmitterType.Citizen);
        await app.WithDbAsync(async db =>
        {
            foreach (var idea in cycle.Ideas.Take(2))
            {
                var r = new ProposalResponse(idea.Id, cycle.Id, ResponseState.Retained, null, "Retenue.", "mod", app.Clock.UtcNow);
                r.Publish("mod", app.Clock.UtcNow);
                db.Add(r);
            }
            await db.SaveChangesAsync();
        });
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);

        var doc = await admin.GetDocumentAsync($"/admin?cycle={cycle.Id}");

        Assert.Equal("5", doc.QuerySelector("[data-testid=fig-ideas]")!.TextContent.Trim());
        Assert.StartsWith("40 %", doc.QuerySelector("[data-testid=fig-coverage]")!.TextContent.Trim(), StringComparison.Ordinal);
        // By region: the map's title for each region and the table beside it say the same.
        Assert.Equal("L'Oriental : 3", doc.QuerySelector("[data-testid=region-map] g[data-region=oriental] title")!.TextContent);
        Assert.Equal("Souss-Massa : 2", doc.QuerySelector("[data-testid=region-map] g[data-region=souss-massa] title")!.TextContent);
        Assert.Equal(12, doc.QuerySelectorAll("[data-testid=region-map] g[data-region]").Length);
        Assert.Equal("3", doc.QuerySelector("#chart-regions tr[data-region=oriental] td")!.TextContent);
        Assert.Equal("0", doc.QuerySelector("#chart-regions tr[data-region=fes-meknes] td")!.TextContent);
        // By submitter type and by axis (ideas 0, 2, 4 on the first axis).
        Assert.Equal(new Dictionary<string, string> { ["Citoyen·ne"] = "3", ["Association"] = "2" }, Rows(doc, "#chart-types"));
        Assert.Equal(new Dictionary<string, string> { ["Transparence"] = "3", ["Participation"] = "2" }, Rows(doc, "#chart-axes"));
        // Over time: all five were published this week.
        Assert.Equal(["5"], Rows(doc, "#chart-weeks").Values.ToList());

        // Every chart is an SVG with a title, and has a table with the same figures.
        var charts = doc.QuerySelectorAll("[data-testid=chart]");
        Assert.Equal(4, charts.Length);
        Assert.All(charts, c =>
        {
            Assert.NotNull(c.QuerySelector("svg[role=img] > title"));
            Assert.NotNull(c.QuerySelector("[data-testid=chart-table] tbody tr"));
        });
        Assert.Equal(2, doc.QuerySelectorAll("#chart-types svg rect").Length);

        // Moderation backlog, outbox and jobs: the figures of the database, with links to their pages.
        var (submitted, deadLetters) = await app.WithDbAsync(async db => (
            await db.Set<Proposal>().CountAsync(p => p.Status == ProposalStatus.Submitted),
            await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.DeadLettered)));
        Assert.Equal(submitted.ToString(), doc.QuerySelector("[data-testid=fig-submitted]")!.TextContent);
        Assert.Equal(deadLetters.ToString(), doc.QuerySelector("[data-testid=fig-dead-letters]")!.TextContent);
        Assert.Equal("/admin/outbox", doc.QuerySelector("[data-testid=dead-letters-link]")!.GetAttribute("href"));
        Assert.Equal("/admin/jobs", doc.QuerySelector("[data-testid=jobs-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Only_administrators_see_the_dashboard()
    {
        foreach (var role in new[] { Roles.Moderator, Roles.CommitteeMember })
        {
            var (client, _) = await app.SignedInClientAsync(role);
            Http.AssertForbidden(await client.GetAsync("/admin"), role);
        }
        var (citizen, _) = await app.SignedInClientAsync();
        Http.AssertForbidden(await citizen.GetAsync("/admin"));
        Http.AssertSignInRequired(await app.CreateBrowserlikeClient().GetAsync("/admin"));
    }

    private static Dictionary<string, string> Rows(AngleSharp.Html.Dom.IHtmlDocument doc, string chart)
        => doc.QuerySelectorAll($"{chart} [data-testid=chart-table] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
}

public sealed class OperatorDashboardTests_Sqlite(SqliteFactory app) : OperatorDashboardTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class OperatorDashboardTests_Postgres(PostgresFactory app) : OperatorDashboardTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class OperatorDashboardTests_SqlServer(SqlServerFactory app) : OperatorDashboardTests(app), IClassFixture<SqlServerFactory>;
