using OpenGov.Consultation.Committees;
using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Journeys;

/// <summary>Issue 17, committees: parity counts filled seats; mandates ending within 60 days are announced on the committee page.</summary>
public abstract class CommitteeWalkthroughTests(OpenGovFactory app)
{
    [Fact]
    public async Task The_committee_page_counts_filled_seats_for_parity_and_warns_of_mandates_ending_soon()
    {
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            var committee = new Committee(Guid.NewGuid(), CommitteeKind.Steering, "Comité " + suffix, "");
            var government = committee.AddSeat(SeatKind.Government, "Ministère " + suffix);
            committee.AddSeat(SeatKind.CivilSociety, "Siège vide " + suffix);
            committee.AssignMandate(government.Id, "Nadia " + suffix, "MTNRA", today.AddDays(-100), today.AddDays(30));
            db.Add(committee);
            await db.SaveChangesAsync();
        });

        var page = await app.CreateBrowserlikeClient().GetDocumentAsync("/committees");
        var section = page.QuerySelectorAll("section").Single(s => s.TextContent.Contains("Comité " + suffix, StringComparison.Ordinal));
        Assert.Equal("Parité non respectée", section.QuerySelector("[data-testid=parity]")!.TextContent.Trim());
        var warning = section.QuerySelector("[data-testid=mandates-ending]")!.TextContent;
        Assert.Contains("60 jours", warning, StringComparison.Ordinal);
        Assert.Contains("Nadia " + suffix, warning, StringComparison.Ordinal);
    }
}

public sealed class CommitteeWalkthroughTests_Sqlite(SqliteFactory app) : CommitteeWalkthroughTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class CommitteeWalkthroughTests_Postgres(PostgresFactory app) : CommitteeWalkthroughTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class CommitteeWalkthroughTests_SqlServer(SqlServerFactory app) : CommitteeWalkthroughTests(app), IClassFixture<SqlServerFactory>;
