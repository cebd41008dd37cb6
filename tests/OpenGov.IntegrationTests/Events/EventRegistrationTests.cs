using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Events;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Events;

public abstract class EventRegistrationTests(OpenGovFactory app)
{
    private async Task<Guid> CreateEventAsync(int capacity, string title = "Webinaire de co-création")
        => await app.WithScopeAsync(sp => sp.GetRequiredService<EventManagement>().CreateAsync(new EventDetails(
            title, "Présentation des **idées** reçues.", EventType.CoCreationWebinar, null, null,
            app.Clock.UtcNow.AddDays(10), app.Clock.UtcNow.AddDays(10).AddHours(2), Event.DefaultTimeZone,
            "https://visio.example.ma/room", null, Regions.National, capacity), "Ministère", "staff-user"));

    private Task<RegistrationOutcome> RegisterUserAsync(Guid eventId, string userId, string email)
        => app.WithScopeAsync(sp => sp.GetRequiredService<EventRegistrations>().RegisterAsync(eventId, new Registrant(userId, email, "Nom " + userId[..4], "fr")));

    private Task<(int Confirmed, int Waitlisted, int CountConfirmed, int CountWaitlist)> CountsAsync(Guid eventId)
        => app.WithDbAsync(async db =>
        {
            var ev = await db.Set<Event>().AsNoTracking().SingleAsync(e => e.Id == eventId);
            var regs = await db.Set<EventRegistration>().AsNoTracking().Where(r => r.EventId == eventId).ToListAsync();
            return (regs.Count(r => r.Status == RegistrationStatus.Confirmed), regs.Count(r => r.Status == RegistrationStatus.Waitlisted),
                ev.ConfirmedCount, ev.WaitlistCount);
        });

    [Fact]
    public async Task Parallel_registrations_never_exceed_the_capacity_and_the_rest_wait()
    {
        var eventId = await CreateEventAsync(capacity: 5);
        var users = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => app.CreateUserAsync($"par{i}-{Guid.NewGuid():N}"[..24] + "@t.ma")));
        var outcomes = await Task.WhenAll(users.Select(u => Task.Run(() => RegisterUserAsync(eventId, u, u[..8] + "@t.ma"))));
        Assert.Equal(5, outcomes.Count(o => o == RegistrationOutcome.Confirmed));
        Assert.Equal(19, outcomes.Count(o => o == RegistrationOutcome.Waitlisted));
        var (confirmed, waitlisted, countConfirmed, countWaitlist) = await CountsAsync(eventId);
        Assert.Equal((5, 19, 5, 19), (confirmed, waitlisted, countConfirmed, countWaitlist));
    }

    [Fact]
    public async Task Cancelling_a_seat_promotes_the_first_on_the_waitlist_who_gets_the_calendar_file()
    {
        var eventId = await CreateEventAsync(capacity: 1);
        var first = await app.CreateUserAsync($"first{Guid.NewGuid():N}"[..20] + "@t.ma");
        var second = await app.CreateUserAsync($"second{Guid.NewGuid():N}"[..20] + "@t.ma");
        var third = await app.CreateUserAsync($"third{Guid.NewGuid():N}"[..20] + "@t.ma");
        Assert.Equal(RegistrationOutcome.Confirmed, await RegisterUserAsync(eventId, first, "first@t.ma"));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RegistrationOutcome.Waitlisted, await RegisterUserAsync(eventId, second, "second@t.ma"));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RegistrationOutcome.Waitlisted, await RegisterUserAsync(eventId, third, "third@t.ma"));

        await app.WithScopeAsync(sp => sp.GetRequiredService<EventRegistrations>().CancelForUserAsync(eventId, first));

        var statuses = await app.WithDbAsync(db => db.Set<EventRegistration>().AsNoTracking().Where(r => r.EventId == eventId)
            .ToDictionaryAsync(r => r.UserId!, r => r.Status));
        Assert.Equal(RegistrationStatus.Cancelled, statuses[first]);
        Assert.Equal(RegistrationStatus.Confirmed, statuses[second]);
        Assert.Equal(RegistrationStatus.Waitlisted, statuses[third]);
        Assert.Equal((1, 1, 1, 1), await CountsAsync(eventId));
        var promoted = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.RecipientUserId == second && m.Template == "EventsText:Mail.Promoted").SingleAsync());
        Assert.Equal("event.ics", promoted.AttachmentName);
        Assert.StartsWith("text/calendar", promoted.AttachmentContentType, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT\r\n", promoted.AttachmentContent, StringComparison.Ordinal);
        Assert.Contains($"UID:{eventId:N}@opengov", promoted.AttachmentContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_registration_holds_no_seat_until_confirmed_through_the_mailed_link_and_cancels_through_it()
    {
        var eventId = await CreateEventAsync(capacity: 3, "Atelier budget citoyen");
        var client = app.CreateBrowserlikeClient();
        var email = $"visitor{Guid.NewGuid():N}"[..20] + "@example.ma";
        var response = await client.SubmitFormAsync($"/events/{eventId}", new Dictionary<string, string> { ["Name"] = "Leila", ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((0, 0, 0, 0), await CountsAsync(eventId));

        var mail = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.ToAddress == email));
        Assert.Equal("EventsText:Mail.ConfirmAddress", mail.Template);
        var link = System.Text.Json.JsonDocument.Parse(mail.ValuesJson!).RootElement.GetProperty("confirmUrl").GetString()!;
        var path = new Uri(link).PathAndQuery;

        // Following the link only shows the page (mail scanners must not confirm); the button confirms.
        var page = await client.GetDocumentAsync(path);
        Assert.Contains("Leila", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await CountsAsync(eventId));
        var confirm = await client.SubmitFormAsync(path, new Dictionary<string, string>(), "form[action*='handler=Confirm']");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal((1, 0, 1, 0), await CountsAsync(eventId));
        var confirmed = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .SingleAsync(m => m.ToAddress == email && m.Template == "EventsText:Mail.Confirmed"));
        Assert.NotNull(confirmed.AttachmentContent);

        var cancel = await client.SubmitFormAsync(path, new Dictionary<string, string> { ["confirm"] = "true" }, "form[action*='handler=Cancel']");
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal((0, 0, 0, 0), await CountsAsync(eventId));
    }

    [Fact]
    public async Task Bad_registration_input_is_shown_on_the_form_and_kept()
    {
        var eventId = await CreateEventAsync(capacity: 3);
        var client = app.CreateBrowserlikeClient();
        var response = await client.SubmitFormAsync($"/events/{eventId}", new Dictionary<string, string> { ["Name"] = "Omar", ["Email"] = "not-an-address" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Http.Parse(await response.ReadTextAsync());
        Assert.Equal("Omar", doc.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Contains("adresse e-mail valide", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_organiser_moderators_and_administrators_export_the_attendees()
    {
        var eventId = await CreateEventAsync(capacity: 3);
        var attendee = await app.CreateUserAsync($"att{Guid.NewGuid():N}"[..20] + "@t.ma");
        await RegisterUserAsync(eventId, attendee, "attendee-private@t.ma");

        var anonymous = await app.CreateBrowserlikeClient().GetAsync($"/events/{eventId}?handler=Attendees");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        var (citizen, _, _) = await app.SignedInClientAsync();
        var denied = await citizen.GetAsync($"/events/{eventId}?handler=Attendees");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);

        var (moderator, _, _) = await app.SignedInClientAsync(Roles.Moderator);
        var csv = await moderator.GetAsync($"/events/{eventId}?handler=Attendees");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.ReadTextAsync();
        Assert.Contains("name,email,status,registeredAt", text, StringComparison.Ordinal);
        Assert.Contains("attendee-private@t.ma,Confirmed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_registers_and_cancels_from_the_event_page()
    {
        var eventId = await CreateEventAsync(capacity: 2);
        var (client, userId, _) = await app.SignedInClientAsync();
        var register = await client.SubmitFormAsync($"/events/{eventId}", new Dictionary<string, string>(), "form[action*='handler=Register']");
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        var page = await client.GetDocumentAsync(register.Headers.Location!.ToString());
        Assert.NotNull(page.QuerySelector("[data-testid=my-status]"));
        var mail = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.RecipientUserId == userId));
        Assert.Equal("EventsText:Mail.Confirmed", mail.Template);
        var cancel = await client.SubmitFormAsync($"/events/{eventId}", new Dictionary<string, string> { ["confirm"] = "true" }, "form[action*='handler=Cancel']");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal((0, 0, 0, 0), await CountsAsync(eventId));
    }
}

public sealed class EventRegistrationTests_Sqlite(SqliteFactory app) : EventRegistrationTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class EventRegistrationTests_Postgres(PostgresFactory app) : EventRegistrationTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class EventRegistrationTests_SqlServer(SqlServerFactory app) : EventRegistrationTests(app), IClassFixture<SqlServerFactory>;
