using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.IntegrationTests.Tracking;

/// <summary>The plan rate travels on one scale (0–100): /open-data once showed "8406 %" by scaling it twice.</summary>
public abstract class PlanRateDisplayTests(OpenGovFactory app)
{
    [Fact]
    public async Task Open_data_page_shows_the_2018_plan_at_84_percent()
    {
        await app.WithScopeAsync(async sp =>
        {
            var seeder = sp.GetServices<IDemoSeeder>().Single(s => s.GetType().Name == "PlanDemoSeeder");
            await seeder.SeedAsync(new DemoContext(), default);
        });
        var text = (await app.CreateBrowserlikeClient().GetDocumentAsync("/open-data")).Body!.TextContent;
        Assert.Contains("Taux de réalisation global : 84 %", text, StringComparison.Ordinal);
        Assert.DoesNotContain("8406", text, StringComparison.Ordinal);
    }
}

public sealed class PlanRateDisplayTests_Sqlite(SqliteFactory app) : PlanRateDisplayTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class PlanRateDisplayTests_Postgres(PostgresFactory app) : PlanRateDisplayTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class PlanRateDisplayTests_SqlServer(SqlServerFactory app) : PlanRateDisplayTests(app), IClassFixture<SqlServerFactory>;
