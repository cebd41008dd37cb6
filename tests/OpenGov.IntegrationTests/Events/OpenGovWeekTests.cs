using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Events;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Search;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Events;

public abstract class OpenGovWeekTests(OpenGovFactory app)
{
    private async Task<(Guid Id, string Contact)> SubmitAsync(string title, string region = "souss-massa")
    {
        var contact = $"org{Guid.NewGuid():N}"[..16] + "@asso.ma";
        var client = app.CreateBrowserlikeClient();
        var starts = app.Clock.UtcNow.AddDays(20).ToString("yyyy-MM-dd'T'10:00");
        var response = await client.SubmitFormAsync("/events/open-gov-week/submit", new Dictionary<string, string>
        {
            ["OrganiserKind"] = "University",
            ["OrganiserName"] = "Université Ibn Zohr",
            ["ContactEmail"] = contact,
            ["Input.Title"] = title,
            ["Input.Description"] = "Débat ouvert <script>alert(1)</script> sur la **transparence**.",
            ["Input.StartsLocal"] = starts,
            ["Input.DurationMinutes"] = "90",
            ["Input.Place"] = "Amphithéâtre A, Agadir",
            ["Input.Region"] = region,
            ["Input.Capacity"] = "80",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.WithDbAsync(db => db.Set<Event>().Where(e => e.Title == title).Select(e => e.Id).SingleAsync());
        return (id, contact);
    }

    private Task<IReadOnlyList<SearchHit>> SearchAsync(string q)
        => app.WithScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().SearchAsync(q, SearchKinds.Event));

    [Fact]
    public async Task A_submission_waits_for_moderation_then_accepted_it_is_in_the_programme_and_in_search()
    {
        var (id, contact) = await SubmitAsync("Hackathon quasiparticule des données ouvertes");
        var ack = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.ToAddress == contact));
        Assert.Equal("EventsText:Mail.SubmissionReceived", ack.Template);

        var anonymous = app.CreateBrowserlikeClient();
        Assert.DoesNotContain("quasiparticule", (await anonymous.GetDocumentAsync("/events/open-gov-week")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/events/{id}")).StatusCode);
        Assert.Empty(await SearchAsync("quasiparticule"));

        // Moderation is for moderators only, on every handler.
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/events/moderation")).StatusCode);
        var (citizen, _, _) = await app.SignedInClientAsync();
        var (moderator, moderatorId, _) = await app.SignedInClientAsync(Roles.Moderator);
        var forged = await citizen.PostWithTokenAsync($"/events", $"/events/moderation?id={id}&handler=Accept", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("access-denied", forged.Headers.Location!.ToString(), StringComparison.Ordinal);

        var list = await moderator.GetDocumentAsync("/events/moderation");
        Assert.Contains("quasiparticule", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(contact, list.Body!.TextContent, StringComparison.Ordinal);
        var accepted = await moderator.SubmitFormAsync("/events/moderation", new Dictionary<string, string>(), $"form[action*='id={id}'][action*='handler=Accept']");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var programme = await anonymous.GetDocumentAsync("/events/open-gov-week?region=souss-massa");
        Assert.Contains("quasiparticule", programme.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("quasiparticule", (await anonymous.GetDocumentAsync("/events/open-gov-week?region=oriental")).Body!.TextContent, StringComparison.Ordinal);
        var details = await anonymous.GetAsync($"/events/{id}");
        var html = await details.ReadTextAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(contact, html, StringComparison.Ordinal);
        Assert.Contains(await SearchAsync("quasiparticule"), h => h.Key == id.ToString() && h.Url == $"/events/{id}");

        var decision = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .SingleAsync(m => m.ToAddress == contact && m.Template == "EventsText:Mail.SubmissionAccepted"));
        Assert.Contains($"/events/{id}", decision.ValuesJson, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "event.accepted" && a.TargetId == id.ToString() && a.ActorUserId == moderatorId)));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_notifies_the_submitter_and_never_shows()
    {
        var (id, contact) = await SubmitAsync("Atelier xylophonique rejeté");
        var (moderator, _, _) = await app.SignedInClientAsync(Roles.Moderator);
        var noReason = await moderator.SubmitFormAsync("/events/moderation", new Dictionary<string, string> { ["Reason"] = " " }, $"form[action*='id={id}'][action*='handler=Reject']");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("motif du refus est obligatoire", await noReason.ReadTextAsync(), StringComparison.Ordinal);

        var rejected = await moderator.SubmitFormAsync("/events/moderation", new Dictionary<string, string> { ["Reason"] = "Hors période de la semaine." },
            $"form[action*='id={id}'][action*='handler=Reject']");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var mail = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .SingleAsync(m => m.ToAddress == contact && m.Template == "EventsText:Mail.SubmissionRejected"));
        Assert.Equal("Hors période de la semaine.", System.Text.Json.JsonDocument.Parse(mail.ValuesJson!).RootElement.GetProperty("reason").GetString());
        Assert.Empty(await SearchAsync("xylophonique"));
        Assert.DoesNotContain("xylophonique", (await app.CreateBrowserlikeClient().GetDocumentAsync("/events/open-gov-week")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync($"/events/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_submission_input_is_shown_on_the_form_and_kept()
    {
        var response = await app.CreateBrowserlikeClient().SubmitFormAsync("/events/open-gov-week/submit", new Dictionary<string, string>
        {
            ["OrganiserName"] = "Association Tanmia",
            ["ContactEmail"] = "nope",
            ["Input.Title"] = "Forum local",
            ["Input.StartsLocal"] = "2020-01-01T10:00",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Http.Parse(await response.ReadTextAsync());
        Assert.Equal("Forum local", doc.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("Association Tanmia", doc.QuerySelector("#OrganiserName")!.GetAttribute("value"));
        var text = doc.Body!.TextContent;
        Assert.Contains("adresse e-mail valide", text, StringComparison.Ordinal);
        Assert.Contains("dans le futur", text, StringComparison.Ordinal);
        Assert.Contains("lieu ou un lien", text, StringComparison.Ordinal);
    }
}

public sealed class OpenGovWeekTests_Sqlite(SqliteFactory app) : OpenGovWeekTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class OpenGovWeekTests_Postgres(PostgresFactory app) : OpenGovWeekTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class OpenGovWeekTests_SqlServer(SqlServerFactory app) : OpenGovWeekTests(app), IClassFixture<SqlServerFactory>;
