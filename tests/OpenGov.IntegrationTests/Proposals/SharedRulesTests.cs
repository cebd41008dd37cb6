using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenGov.Consultation;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Moderation;

namespace OpenGov.IntegrationTests.Proposals;

/// <summary>The shared rules seen from the lists: one "public" filter for proposals and one cursor codec.</summary>
public abstract class SharedRulesTests(OpenGovFactory app)
{
    [Fact]
    public async Task A_hidden_proposal_is_left_out_of_the_api_the_cycle_figures_and_the_feedback_coverage()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var authorId = await app.CreateUserAsync($"f{Guid.NewGuid():N}"[..20] + "@test.opengov.ma");
        var shown = await app.ProposalAsync(cycleId, axisId, authorId, "Idée visible");
        var hidden = await app.ProposalAsync(cycleId, axisId, authorId, "Idée masquée");
        await app.ProposalAsync(cycleId, axisId, authorId, "Idée soumise", publish: false);
        await app.WithScopeAsync(sp => sp.GetRequiredService<ProposalModeration>().SetProposalHiddenAsync("moderator", hidden, true));

        var json = JsonDocument.Parse(await app.CreateBrowserlikeClient().GetStringAsync($"/api/v1/proposals?cycleId={cycleId}")).RootElement;
        Assert.Equal([shown.ToString()], json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var listed = await app.WithScopeAsync(sp => sp.GetRequiredService<CycleOverview>().ListAsync());
        Assert.Equal(1, listed.Single(c => c.Id == cycleId).ProposalCount);
        Assert.Equal(1, (await app.WithScopeAsync(sp => sp.GetRequiredService<FeedbackAnswers>().CoverageAsync(cycleId))).Total);
    }

    [Fact]
    public async Task Parallel_reports_by_distinct_users_all_count_and_hide_at_the_threshold()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var authorId = await app.CreateUserAsync($"g{Guid.NewGuid():N}"[..20] + "@test.opengov.ma");
        var id = await app.ProposalAsync(cycleId, axisId, authorId, "Idée signalée en parallèle");
        var threshold = ReportCounter.Threshold(app.Services.GetRequiredService<IOptions<ConsultationOptions>>().Value.ReportsBeforeHiding);
        var reporters = await Task.WhenAll(Enumerable.Range(0, threshold).Select(i => app.CreateUserAsync($"rp{i}{Guid.NewGuid():N}"[..20] + "@test.opengov.ma")));
        var counted = await Task.WhenAll(reporters.Select(r => Task.Run(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<ProposalEngagement>().ReportAsync(r, ReportTarget.Proposal, id, ReportReason.Spam)))));
        Assert.All(counted, Assert.True);
        var p = await app.LoadProposalAsync(id);
        Assert.Equal((threshold, true), (p.ReportCount, p.IsHidden));
    }

    [Theory]
    [InlineData("/api/v1/proposals?cursor=")]
    [InlineData("/api/v1/events?cursor=")]
    [InlineData("/api/v1/news?cursor=")]
    [InlineData("/proposals?after=")]
    [InlineData("/forum?cursor=")]
    [InlineData("/associations?cursor=")]
    [InlineData("/meetings?cursor=")]
    [InlineData("/news?cursor=")]
    [InlineData("/events?cursor=")]
    public async Task A_tampered_cursor_shows_the_first_page(string prefix)
    {
        var client = prefix.StartsWith("/forum", StringComparison.Ordinal) ? (await app.SignedInClientAsync()).Client : app.CreateBrowserlikeClient();
        foreach (var tampered in new[] { "%25%25garbage", "AAAA", "bm90fGEtZ3VpZA", new string('A', 2000) })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(prefix + tampered)).StatusCode);
    }
}

public sealed class SharedRulesTests_Sqlite(SqliteFactory app) : SharedRulesTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class SharedRulesTests_Postgres(PostgresFactory app) : SharedRulesTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class SharedRulesTests_SqlServer(SqlServerFactory app) : SharedRulesTests(app), IClassFixture<SqlServerFactory>;
