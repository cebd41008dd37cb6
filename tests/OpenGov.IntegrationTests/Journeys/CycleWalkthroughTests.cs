using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Cycles;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;
using static OpenGov.IntegrationTests.Journeys.JourneyKit;

namespace OpenGov.IntegrationTests.Journeys;

/// <summary>Issue 17, cycles: an administrator sets, extends and closes phases on the real pages; every display agrees.</summary>
public abstract class CycleWalkthroughTests(OpenGovFactory app)
{
    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr"));

    // Each new cycle has the latest plan period, so that the home page shows it as the current one.
    private static int _planStart = 2100;

    private async Task<Guid> CycleAsync() => await app.WithDbAsync(async db =>
    {
        var planStart = Interlocked.Increment(ref _planStart);
        var cycle = new Cycle(Guid.NewGuid(), "Cycle des dates " + Guid.NewGuid().ToString("N")[..6], "", planStart, planStart + 2, app.Clock.UtcNow);
        cycle.AddAxis("axe", "Axe", "محور", "Axis");
        db.Add(cycle);
        await db.SaveChangesAsync();
        return cycle.Id;
    });

    [Fact]
    public async Task The_last_day_typed_by_the_administrator_is_the_one_shown_everywhere_even_after_an_extension()
    {
        var id = await CycleAsync();
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        var last = today.AddDays(10);
        var set = await admin.SubmitFormAsync($"/admin/cycles/{id}", Fields(("kind", "ProposalCollection"),
            ("startsOn", today.ToString("yyyy-MM-dd")), ("endsOn", last.ToString("yyyy-MM-dd"))), "form[action*='handler=Phase']");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        async Task AllSayAsync(DateOnly expected)
        {
            var visitor = app.CreateBrowserlikeClient();
            var details = await visitor.GetDocumentAsync($"/cycles/{id}");
            Assert.Contains(Day(expected), details.QuerySelector("[data-testid=phase-until]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(Day(expected), details.QuerySelector("[data-testid=timeline-last-day]")!.TextContent.Trim());
            Assert.Contains(Day(expected), (await visitor.GetDocumentAsync("/")).QuerySelector("[data-testid=home-phase-until]")!.TextContent, StringComparison.Ordinal);
            Assert.EndsWith(Day(expected), (await admin.GetDocumentAsync($"/admin/cycles/{id}")).QuerySelector("[data-testid=admin-phase-days]")!.TextContent.Trim(), StringComparison.Ordinal);
        }
        await AllSayAsync(last);

        var longer = today.AddDays(15);
        var extended = await admin.SubmitFormAsync($"/admin/cycles/{id}", Fields(("newEndOn", longer.ToString("yyyy-MM-dd")), ("reason", "Plus de temps")),
            "form[action*='handler=Extend']");
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        await AllSayAsync(longer);
        var notice = (await app.CreateBrowserlikeClient().GetDocumentAsync($"/cycles/{id}")).Body!.TextContent;
        Assert.Contains($"prolongée jusqu'au {Day(longer)}", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_closing_a_phase_now_the_next_phase_starts_the_same_day()
    {
        var id = await CycleAsync();
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        await admin.SubmitFormAsync($"/admin/cycles/{id}", Fields(("kind", "ProposalCollection"),
            ("startsOn", today.AddDays(-5).ToString("yyyy-MM-dd")), ("endsOn", today.AddDays(5).ToString("yyyy-MM-dd"))), "form[action*='handler=Phase']");
        var closed = await admin.SubmitFormAsync($"/admin/cycles/{id}", Fields(("reason", "Assez d'idées")), "form[action*='handler=Close']");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var next = await admin.SubmitFormAsync($"/admin/cycles/{id}", Fields(("kind", "Prioritisation"),
            ("startsOn", today.ToString("yyyy-MM-dd")), ("endsOn", today.AddDays(7).ToString("yyyy-MM-dd"))), "form[action*='handler=Phase']");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        var page = await admin.GetDocumentAsync($"/admin/cycles/{id}");
        Assert.Null(page.QuerySelector(".alert-danger"));
        Assert.NotNull(page.QuerySelector(".alert-success"));
        var phases = await app.WithDbAsync(db => db.Set<CyclePhase>().Where(p => p.CycleId == id).ToListAsync());
        var collection = phases.Single(p => p.Kind == PhaseKind.ProposalCollection);
        var prioritisation = phases.Single(p => p.Kind == PhaseKind.Prioritisation);
        Assert.Equal(collection.EndsAt, prioritisation.StartsAt);
        Assert.True(prioritisation.IsOpenAt(app.Clock.UtcNow));
        Assert.Equal(today, collection.LastDay);
    }

    [Fact]
    public async Task A_new_cycle_stays_a_draft_hidden_from_visitors_until_published_with_its_phases()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var title = "Cycle en préparation " + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.SubmitFormAsync("/admin/cycles", Fields(("Form.Title", title), ("Form.Description", "À venir."), ("Form.PlanStartYear", "2098"), ("Form.PlanEndYear", "2099")), "form.col-lg-8");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.ToString();
        var id = Guid.Parse(editUrl.Split('/').Last());
        Assert.NotNull((await admin.GetDocumentAsync("/admin/cycles")).QuerySelector("[data-testid=draft-badge]"));
        await admin.SubmitFormAsync(editUrl, Fields(("code", "axe"), ("nameFr", "Axe")), "form[action*='handler=Axis']");
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        await admin.SubmitFormAsync(editUrl, Fields(("kind", "ProposalCollection"), ("startsOn", today.ToString("yyyy-MM-dd")),
            ("endsOn", today.AddDays(20).ToString("yyyy-MM-dd"))), "form[action*='handler=Phase']");

        // A draft with an open collection phase: not listed, not found, not current, takes no idea.
        var visitor = app.CreateBrowserlikeClient();
        Assert.DoesNotContain(title, (await visitor.GetDocumentAsync("/cycles")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/cycles/{id}")).StatusCode);
        Assert.DoesNotContain(title, (await visitor.GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);
        var (citizen, _) = await app.SignedInClientAsync();
        Assert.DoesNotContain((await citizen.GetDocumentAsync("/proposals/new")).QuerySelectorAll("#Form_CycleId option"), o => o.GetAttribute("value") == id.ToString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/cycles/{id}")).StatusCode); // the administrator previews it

        var published = await admin.SubmitFormAsync(editUrl, Fields(), "form[action*='handler=Publish']");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Null((await admin.GetDocumentAsync(editUrl)).QuerySelector("[data-testid=cycle-draft]"));
        Assert.Contains(title, (await app.CreateBrowserlikeClient().GetDocumentAsync("/cycles")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().GetAsync($"/cycles/{id}")).StatusCode);
        Assert.Contains((await citizen.GetDocumentAsync("/proposals/new")).QuerySelectorAll("#Form_CycleId option"), o => o.GetAttribute("value") == id.ToString());
    }

    [Fact]
    public async Task A_draft_without_phases_cannot_be_published()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var created = await admin.SubmitFormAsync("/admin/cycles", Fields(("Form.Title", "Cycle vide"), ("Form.Description", "À venir."), ("Form.PlanStartYear", "2098"), ("Form.PlanEndYear", "2099")), "form.col-lg-8");
        var editUrl = created.Headers.Location!.ToString();
        await admin.SubmitFormAsync(editUrl, Fields(), "form[action*='handler=Publish']");
        var page = await admin.GetDocumentAsync(editUrl);
        Assert.Contains("au moins une phase", page.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=cycle-draft]"));
    }
}

public sealed class CycleWalkthroughTests_Sqlite(SqliteFactory app) : CycleWalkthroughTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class CycleWalkthroughTests_Postgres(PostgresFactory app) : CycleWalkthroughTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class CycleWalkthroughTests_SqlServer(SqlServerFactory app) : CycleWalkthroughTests(app), IClassFixture<SqlServerFactory>;
