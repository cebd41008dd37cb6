using OpenGov.Consultation.Cycles;
using OpenGov.IntegrationTests.Community;
using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Cycles;

/// <summary>One "current cycle" everywhere: the home page once took the latest phase start and registration the latest
/// plan year, so a new cycle without axes left registration with no theme to tick.</summary>
public abstract class CurrentCycleTests(OpenGovFactory app)
{
    [Fact]
    public async Task Registration_offers_themes_when_the_newest_cycle_has_no_axes()
    {
        await app.EnsureCycleAsync();
        await app.WithDbAsync(async db =>
        {
            db.Add(new Cycle(Guid.NewGuid(), "Cycle sans axes " + Guid.NewGuid().ToString("N")[..6], "", 2040, 2042, app.Clock.UtcNow));
            await db.SaveChangesAsync();
        });
        var (client, _) = await app.SignedInClientAsync();
        var doc = await client.GetDocumentAsync("/associations/register");
        Assert.NotEmpty(doc.QuerySelectorAll("input[type=checkbox][name='Input.Themes']"));
    }

    [Fact]
    public async Task Home_page_shows_the_cycle_open_now_not_the_one_starting_latest()
    {
        var now = app.Clock.UtcNow;
        var open = new Cycle(Guid.NewGuid(), "Cycle ouvert " + Guid.NewGuid().ToString("N")[..6], "", 2026, 2028, now);
        open.AddAxis("a", "Axe", "محور", "Axis");
        open.SetPhase(PhaseKind.ProposalCollection, now.AddDays(-1), now.AddDays(30));
        var later = new Cycle(Guid.NewGuid(), "Cycle futur " + Guid.NewGuid().ToString("N")[..6], "", 2030, 2032, now);
        later.SetPhase(PhaseKind.ProposalCollection, now.AddDays(200), now.AddDays(230));
        await app.WithDbAsync(async db => { db.AddRange(open, later); await db.SaveChangesAsync(); });

        var home = (await app.CreateBrowserlikeClient().GetDocumentAsync("/")).QuerySelector("[data-testid=home-cycle]")!.TextContent;
        Assert.Contains(open.Title, home, StringComparison.Ordinal);
        Assert.DoesNotContain(later.Title, home, StringComparison.Ordinal);
    }
}

public sealed class CurrentCycleTests_Sqlite(SqliteFactory app) : CurrentCycleTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class CurrentCycleTests_Postgres(PostgresFactory app) : CurrentCycleTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class CurrentCycleTests_SqlServer(SqlServerFactory app) : CurrentCycleTests(app), IClassFixture<SqlServerFactory>;
