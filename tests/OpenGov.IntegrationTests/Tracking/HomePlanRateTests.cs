using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Demo;
using OpenGov.SharedKernel.Search;
using OpenGov.Tracking.Plans;

namespace OpenGov.IntegrationTests.Tracking;

public abstract class HomePlanRateTests(OpenGovFactory app)
{
    [Fact]
    public async Task Home_page_shows_no_rate_before_a_plan_then_the_seeded_plans_84_percent()
    {
        var client = app.CreateBrowserlikeClient();
        var before = (await client.GetDocumentAsync("/")).QuerySelector("[data-testid=home-plan]")!;
        Assert.Null(before.QuerySelector("progress"));

        await app.WithScopeAsync(async sp =>
        {
            var seeder = sp.GetServices<IDemoSeeder>().Single(s => s.GetType().Name == "PlanDemoSeeder");
            await seeder.SeedAsync(new DemoContext(), default);
        });

        var after = (await client.GetDocumentAsync("/")).QuerySelector("[data-testid=home-plan]")!;
        Assert.Equal("84", after.QuerySelector("progress")!.GetAttribute("value"));
        Assert.Contains("84 %", after.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/plan/", after.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);

        // The seeded plan's commitments are in the site search.
        var hits = await app.WithScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().SearchAsync("information", SearchKinds.Commitment));
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.StartsWith("/plan/commitments/", h.Url, StringComparison.Ordinal));
    }
}

/// <summary>A class of its own (own database): the plan it publishes would otherwise become the home page's latest plan.</summary>
public abstract class CommitmentSearchTests(OpenGovFactory app)
{
    [Fact]
    public async Task Commitments_of_a_draft_plan_are_not_searchable_until_it_is_published()
    {
        var planId = await app.WithScopeAsync(async sp =>
        {
            var admin = sp.GetRequiredService<PlanAdministration>();
            var id = await admin.CreatePlanAsync("Plan quokkafrais", 2030, 2032, "admin");
            await admin.AddAxisAsync(id, "Axe quokka", null, null, "admin");
            var axisId = await sp.GetRequiredService<DbContext>().Set<Plan>().Where(p => p.Id == id).SelectMany(p => p.Axes).Select(a => a.Id).SingleAsync();
            await admin.AddCommitmentAsync(id, axisId, 1, "Engagement quokkafrais", "Agence", "Problème", "Description", "admin");
            return id;
        });
        Task<IReadOnlyList<SearchHit>> Find() => app.WithScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().SearchAsync("quokkafrais", SearchKinds.Commitment));
        Assert.Empty(await Find());
        await app.WithScopeAsync(sp => sp.GetRequiredService<PlanAdministration>().PublishAsync(planId, "admin"));
        Assert.Single(await Find());
    }
}

public sealed class CommitmentSearchTests_Sqlite(SqliteFactory app) : CommitmentSearchTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class CommitmentSearchTests_Postgres(PostgresFactory app) : CommitmentSearchTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class CommitmentSearchTests_SqlServer(SqlServerFactory app) : CommitmentSearchTests(app), IClassFixture<SqlServerFactory>;

public sealed class HomePlanRateTests_Sqlite(SqliteFactory app) : HomePlanRateTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class HomePlanRateTests_Postgres(PostgresFactory app) : HomePlanRateTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class HomePlanRateTests_SqlServer(SqlServerFactory app) : HomePlanRateTests(app), IClassFixture<SqlServerFactory>;
