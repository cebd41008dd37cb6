using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Events;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel;
using OpenGov.Web.Identity;
using static OpenGov.IntegrationTests.Journeys.JourneyKit;

namespace OpenGov.IntegrationTests.Journeys;

/// <summary>Issue 17, community: blocking a user, ending a mandate and cancelling a registration each ask for a confirmation
/// (a required box, checked again on the server) before acting.</summary>
public abstract class ConfirmationWalkthroughTests(OpenGovFactory app)
{
    private const string Refusal = "Cochez la case pour confirmer cette action.";

    [Fact]
    public async Task An_administrator_blocks_a_user_only_after_ticking_the_confirmation()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var targetId = await app.CreateUserAsync($"cible{Guid.NewGuid():N}"[..20] + "@test.opengov.ma");
        var page = await admin.GetDocumentAsync($"/admin/users/{targetId}");
        Assert.NotNull(page.QuerySelector("form[action*='handler=Block'] input[type=checkbox][name=confirm][required]"));

        var refused = await admin.SubmitFormAsync($"/admin/users/{targetId}", Fields(("Reason", "Spam")), "form[action*='handler=Block']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Refusal, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await BlockedAsync(targetId));

        var blocked = await admin.SubmitFormAsync($"/admin/users/{targetId}", Fields(("Reason", "Spam"), ("confirm", "true")), "form[action*='handler=Block']");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.True(await BlockedAsync(targetId));
    }

    [Fact]
    public async Task An_administrator_ends_a_mandate_only_after_ticking_the_confirmation()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        var (committeeId, mandateId) = await app.WithDbAsync(async db =>
        {
            var committee = new Committee(Guid.NewGuid(), CommitteeKind.Steering, "Comité " + Guid.NewGuid().ToString("N")[..6], "");
            var seat = committee.AddSeat(SeatKind.CivilSociety, "Siège OSC");
            var mandate = committee.AssignMandate(seat.Id, "Amina", "AMCDD", today.AddDays(-30), today.AddDays(300));
            db.Add(committee);
            await db.SaveChangesAsync();
            return (committee.Id, mandate.Id);
        });
        var path = $"/committees/{committeeId}/edit";

        var refused = await admin.SubmitFormAsync(path, Fields(), "form[action*='handler=End']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Refusal, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await EndedOnAsync(mandateId));

        var ended = await admin.SubmitFormAsync(path, Fields(("confirm", "true")), "form[action*='handler=End']");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.NotNull(await EndedOnAsync(mandateId));
    }

    [Fact]
    public async Task A_participant_cancels_a_registration_only_after_ticking_the_confirmation()
    {
        var eventId = await app.WithScopeAsync(sp => sp.GetRequiredService<EventManagement>().CreateAsync(new EventDetails(
            "Atelier à confirmer", "Texte", EventType.CoCreationWebinar, null, null, app.Clock.UtcNow.AddDays(10),
            app.Clock.UtcNow.AddDays(10).AddHours(2), Event.DefaultTimeZone, "https://visio.example.ma/room", null, Regions.National, 10), "Ministère", "staff-user"));
        var (client, userId, _) = await app.SignedInClientAsync();
        await client.SubmitFormAsync($"/events/{eventId}", Fields(), "form[action*='handler=Register']");

        var refused = await client.SubmitFormAsync($"/events/{eventId}", Fields(), "form[action*='handler=Cancel']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Refusal, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Confirmed, await StatusAsync(eventId, userId));

        var cancelled = await client.SubmitFormAsync($"/events/{eventId}", Fields(("confirm", "true")), "form[action*='handler=Cancel']");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, await StatusAsync(eventId, userId));
    }

    private Task<bool> BlockedAsync(string userId)
        => app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId))!.IsBlocked);

    private Task<DateOnly?> EndedOnAsync(Guid mandateId) => app.WithDbAsync(async db =>
    {
        var m = await db.Set<Mandate>().AsNoTracking().SingleAsync(x => x.Id == mandateId);
        return m.EndsOn <= DateOnly.FromDateTime(app.Clock.UtcNow) ? (DateOnly?)m.EndsOn : null;
    });

    private Task<RegistrationStatus> StatusAsync(Guid eventId, string userId)
        => app.WithDbAsync(db => db.Set<EventRegistration>().Where(r => r.EventId == eventId && r.UserId == userId).Select(r => r.Status).SingleAsync());
}

public sealed class ConfirmationWalkthroughTests_Sqlite(SqliteFactory app) : ConfirmationWalkthroughTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class ConfirmationWalkthroughTests_Postgres(PostgresFactory app) : ConfirmationWalkthroughTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class ConfirmationWalkthroughTests_SqlServer(SqlServerFactory app) : ConfirmationWalkthroughTests(app), IClassFixture<SqlServerFactory>;
