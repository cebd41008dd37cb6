using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Events;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.SharedKernel;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.IntegrationTests.Foundation;

/// <summary>Every page shows times in the site's zone (Africa/Casablanca) with the same format: a sheet's closing time and an
/// event starting at the same instant read the same, in French and Arabic, and so do the mails.</summary>
public abstract class LocalTimeDisplayTests(OpenGovFactory app)
{
    private static readonly TimeZoneInfo Casablanca = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    [Fact]
    public async Task A_sheet_and_an_event_at_the_same_instant_show_the_same_local_time()
    {
        // 23:30 UTC: past midnight in Casablanca while Morocco is on +01.
        var at = app.Clock.UtcNow.Date.AddDays(30).AddHours(23).AddMinutes(30);
        var local = TimeZoneInfo.ConvertTimeFromUtc(at, Casablanca);
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.WithScopeAsync(async sp =>
        {
            var editing = sp.GetRequiredService<SheetEditing>();
            var id = await editing.CreateAsync(editorId, agency, await app.CycleAsync(), SheetsTestKit.Content("Fiche à l'heure du Maroc"));
            await editing.PublishAsync(editorId, "Éditeur", id, null, app.Clock.UtcNow.AddMinutes(-1), at, []);
            return id;
        });
        var ev = await app.WithScopeAsync(sp => sp.GetRequiredService<EventManagement>().CreateAsync(new EventDetails(
            "Atelier à l'heure du Maroc", "Description", EventType.CoCreationWebinar, null, null, at, at.AddHours(1), Event.DefaultTimeZone,
            "https://visio.example.ma/room", null, Regions.National, 20), "Ministère", "staff-user"));

        var fr = local.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("fr"));
        var client = app.CreateBrowserlikeClient();
        var sheetText = (await client.GetDocumentAsync($"/sheets/{sheet}")).Body!.TextContent;
        var eventText = (await client.GetDocumentAsync($"/events/{ev}")).Body!.TextContent;
        Assert.Contains(fr + " (heure du Maroc)", sheetText, StringComparison.Ordinal);
        Assert.Contains(fr + " – ", eventText, StringComparison.Ordinal);
        Assert.Contains("(heure du Maroc)", eventText, StringComparison.Ordinal);
        foreach (var text in new[] { sheetText, eventText })
        {
            Assert.DoesNotContain("Africa/Casablanca", text, StringComparison.Ordinal);
            Assert.DoesNotContain(" UTC", text, StringComparison.Ordinal);
        }
        if (Casablanca.GetUtcOffset(at) > TimeSpan.Zero) Assert.NotEqual(at.Date, local.Date); // the day changed

        // Arabic: Moroccan month names, Latin digits, the zone in words, the same wall-clock time on both pages.
        var months = "يناير فبراير مارس أبريل ماي يونيو يوليوز غشت شتنبر أكتوبر نونبر دجنبر".Split(' ');
        var ar = $"{local.Day} {months[local.Month - 1]} {local.Year} {local:HH:mm}";
        var sheetAr = (await client.GetDocumentAsync($"/sheets/{sheet}?culture=ar")).Body!.TextContent;
        var eventAr = (await client.GetDocumentAsync($"/events/{ev}?culture=ar")).Body!.TextContent;
        Assert.Contains(ar + " (بتوقيت المغرب)", sheetAr, StringComparison.Ordinal);
        Assert.Contains(ar + " – ", eventAr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closing_time_typed_in_the_extension_form_is_casablanca_time_and_shows_back_unchanged()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche prolongée à l'heure locale"), days: 2);
        var (admin, _) = await app.SignedInClientAsync(OpenGov.Web.Identity.Roles.Administrator);
        var typed = app.Clock.UtcNow.Date.AddDays(12).AddHours(18); // 18:00 typed by the administrator, in Moroccan time
        var page = $"/sheets/{sheet}";
        var response = await admin.PostFormAsync($"{page}/extend", $"{page}/extend",
            [new("NewClose", typed.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)), new("Reason", "Report demandé")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var closes = await app.WithDbAsync(db => db.Set<Sheet>().SingleAsync(s => s.Id == sheet));
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(typed, DateTimeKind.Unspecified), Casablanca), closes.ConsultationClosesAt);
        var shown = (await app.CreateBrowserlikeClient().GetDocumentAsync(page)).QuerySelector("[data-testid=extension]")!.TextContent;
        Assert.Contains(typed.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr")) + " 18:00 (heure du Maroc)", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_shows_an_instant_in_the_recipients_language_and_the_sites_zone()
    {
        var at = new DateTime(2026, 12, 31, 23, 15, 0, DateTimeKind.Utc); // 1 January 2027 00:15 in Casablanca
        var values = new Dictionary<string, string> { ["title"] = "Fiche", ["closes"] = MailValue.Instant(at), ["url"] = "https://x.ma/s" };
        var (ar, fr, en) = await app.WithScopeAsync(sp =>
        {
            var renderer = sp.GetRequiredService<MailRenderer>();
            return Task.FromResult((renderer.RenderTemplate("SheetsText:Mail.Closing", values, "ar").Text,
                renderer.RenderTemplate("SheetsText:Mail.Closing", values, "fr").Text,
                renderer.RenderTemplate("SheetsText:Mail.Closing", values, "en").Text));
        });
        Assert.Contains("1 يناير 2027 00:15 (بتوقيت المغرب)", ar, StringComparison.Ordinal);
        Assert.Contains("1 janvier 2027 00:15 (heure du Maroc)", fr, StringComparison.Ordinal);
        Assert.Contains("1 January 2027 00:15 (Morocco time)", en, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", fr, StringComparison.Ordinal);
    }
}

public sealed class LocalTimeDisplayTests_Sqlite(SqliteFactory app) : LocalTimeDisplayTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class LocalTimeDisplayTests_Postgres(PostgresFactory app) : LocalTimeDisplayTests(app), IClassFixture<PostgresFactory>;
