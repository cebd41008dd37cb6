using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Committees;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;
using static OpenGov.IntegrationTests.Journeys.JourneyKit;

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

    [Fact]
    public async Task An_administrator_renames_a_seat_and_removes_it_only_once_its_mandate_ended_and_confirmed()
    {
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (committeeId, seatId) = await app.WithDbAsync(async db =>
        {
            var committee = new Committee(Guid.NewGuid(), CommitteeKind.Implementation, "Comité " + suffix, "");
            var seat = committee.AddSeat(SeatKind.CivilSociety, "Ancien nom " + suffix);
            committee.AssignMandate(seat.Id, "Karim", "ALCI", today.AddDays(-10), today.AddDays(100));
            db.Add(committee);
            await db.SaveChangesAsync();
            return (committee.Id, seat.Id);
        });
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var path = $"/committees/{committeeId}/edit";

        var renamed = await admin.SubmitFormAsync(path, Fields(("label", "Nouveau nom " + suffix)), "form[action*='handler=RenameSeat']");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("Nouveau nom " + suffix, (await app.CreateBrowserlikeClient().GetDocumentAsync("/committees")).Body!.TextContent, StringComparison.Ordinal);

        // Held: no remove form, a hint instead; a forged post is refused with the rule's message.
        var page = await admin.GetDocumentAsync(path);
        Assert.Null(page.QuerySelector("form[action*='handler=RemoveSeat']"));
        var forged = await admin.PostWithTokenAsync(path, $"{path}?handler=RemoveSeat", Fields(("seatId", seatId.ToString()), ("confirm", "true")));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("mandat en cours ou à venir", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await admin.SubmitFormAsync(path, Fields(("confirm", "true")), "form[action*='handler=End']");
        var unconfirmed = await admin.SubmitFormAsync(path, Fields(), "form[action*='handler=RemoveSeat']");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.True(await SeatExistsAsync(seatId));
        var removed = await admin.SubmitFormAsync(path, Fields(("confirm", "true")), "form[action*='handler=RemoveSeat']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await SeatExistsAsync(seatId));
    }

    private Task<bool> SeatExistsAsync(Guid seatId) => app.WithDbAsync(db => db.Set<CommitteeSeat>().AnyAsync(s => s.Id == seatId));
}

public sealed class CommitteeWalkthroughTests_Sqlite(SqliteFactory app) : CommitteeWalkthroughTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class CommitteeWalkthroughTests_Postgres(PostgresFactory app) : CommitteeWalkthroughTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class CommitteeWalkthroughTests_SqlServer(SqlServerFactory app) : CommitteeWalkthroughTests(app), IClassFixture<SqlServerFactory>;
