using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OpenGov.Consultation.Events;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Infrastructure.Jobs;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.IntegrationTests.Events;

/// <summary>iCalendar: the .ics of each event page, the feed of public events (RFC 5545), and digests that keep the invitations.</summary>
public abstract class EventCalendarTests(OpenGovFactory app)
{
    private Task<Guid> CreateEventAsync(string title, int inDays = 10) => app.WithScopeAsync(sp => sp.GetRequiredService<EventManagement>().CreateAsync(
        new EventDetails(title, "Présentation; ordre du jour, questions.", EventType.CoCreationWebinar, null, null,
            app.Clock.UtcNow.AddDays(inDays), app.Clock.UtcNow.AddDays(inDays).AddHours(2), Event.DefaultTimeZone,
            "https://visio.example.ma/room", "Rabat, salle 2", Regions.National, 50), "Ministère", "staff-user"));

    private static void AssertRfc5545(string ics)
    {
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ics.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line over 75 octets: {line}"));
    }

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    [Fact]
    public async Task Each_event_page_offers_its_ics_and_the_feed_lists_public_events()
    {
        var title = "Atelier, budget; " + string.Concat(Enumerable.Repeat("الميزانية المفتوحة ", 6)) + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateEventAsync(title);
        var visitor = app.CreateBrowserlikeClient();

        var page = await visitor.GetDocumentAsync($"/events/{id}");
        Assert.Equal($"/events/{id}/event.ics", page.QuerySelector("[data-testid=event-ics]")!.GetAttribute("href"));
        Assert.Equal("/events/calendar.ics", page.QuerySelector("[data-testid=events-feed]")!.GetAttribute("href"));

        var response = await visitor.GetAsync($"/events/{id}/event.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        AssertRfc5545(ics);
        var unfolded = Unfold(ics);
        Assert.Contains($"\r\nUID:{id:N}@opengov\r\n", unfolded, StringComparison.Ordinal);
        Assert.Matches(@"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", unfolded);
        Assert.Matches(@"\r\nDTSTART:\d{8}T\d{6}Z\r\n", unfolded);
        Assert.Contains("SUMMARY:Atelier\\, budget\\; الميزانية", unfolded, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Rabat\\, salle 2", unfolded, StringComparison.Ordinal);
        Assert.Contains("METHOD:PUBLISH", unfolded, StringComparison.Ordinal);

        var feed = await visitor.GetStringAsync("/events/calendar.ics");
        AssertRfc5545(feed);
        Assert.Contains($"UID:{id:N}@opengov", Unfold(feed), StringComparison.Ordinal);

        var missing = await visitor.GetAsync($"/events/{Guid.NewGuid()}/event.ics");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_daily_digest_keeps_the_calendar_invitations_of_the_mails_it_folds()
    {
        var email = $"ics{Guid.NewGuid():N}"[..14] + "@test.ma";
        var userId = await app.CreateUserAsync(email);
        await app.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().SetAsync(userId, NotificationGroups.Events, DeliveryMode.DailyDigest));
        var first = await CreateEventAsync("Webinaire digest A");
        var second = await CreateEventAsync("Webinaire digest B", inDays: 12);
        foreach (var ev in new[] { first, second })
            Assert.Equal(RegistrationOutcome.Confirmed, await app.WithScopeAsync(sp => sp.GetRequiredService<EventRegistrations>()
                .RegisterAsync(ev, new Registrant(userId, email, "Inscrite", "fr"))));

        // Delivery holds both invitations for the digest (whichever worker takes them).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverAllDueAsync("ics-test"));
            var held = await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.RecipientUserId == userId && m.HeldForDigest
                && m.Status == OutboxStatus.Pending && m.AttachmentContent != null));
            if (held == 2) break;
            Assert.True(DateTime.UtcNow < deadline, $"{held} of 2 invitations held for the digest");
            await Task.Delay(200);
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await app.Services.GetRequiredService<JobScheduler>().RunIfDueAsync(DigestJob.JobName, CancellationToken.None));
        await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDelivery>().DeliverAllDueAsync("ics-test"));

        var mail = await app.Mail.WaitForAsync(email, m => m.Subject.Contains("résumé", StringComparison.Ordinal));
        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Raw)));
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("events.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        var ics = Encoding.UTF8.GetString(content.ToArray());
        AssertRfc5545(ics);
        Assert.Contains($"UID:{first:N}@opengov", Unfold(ics), StringComparison.Ordinal);
        Assert.Contains($"UID:{second:N}@opengov", Unfold(ics), StringComparison.Ordinal);
        Assert.Equal(2, ics.Split("BEGIN:VEVENT").Length - 1);
    }
}

public sealed class EventCalendarTests_Sqlite(SqliteFactory app) : EventCalendarTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class EventCalendarTests_Postgres(PostgresFactory app) : EventCalendarTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class EventCalendarTests_SqlServer(SqlServerFactory app) : EventCalendarTests(app), IClassFixture<SqlServerFactory>;
