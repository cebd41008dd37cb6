using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Sheets;

/// <summary>Helpers for the sheets tests (sign in with OpenGovFactory.SignedInClientAsync).</summary>
public static class SheetsTestKit
{
    /// <summary>An agency with one linked editor (signed in).</summary>
    public static async Task<(Guid AgencyId, HttpClient Editor, string EditorId)> AgencyWithEditorAsync(this OpenGovFactory app)
    {
        var (client, id) = await app.SignedInClientAsync(Roles.AdministrationEditor);
        var agencyId = await app.WithScopeAsync(async sp =>
        {
            var admin = sp.GetRequiredService<SheetAdministration>();
            var agency = await admin.CreateAgencyAsync("test-admin", "Agence " + Guid.NewGuid().ToString("N")[..8], null);
            await admin.LinkEditorAsync("test-admin", agency, id);
            return agency;
        });
        return (agencyId, client, id);
    }

    public static async Task<Guid> CycleAsync(this OpenGovFactory app)
    {
        var id = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.Add(new OpenGov.Consultation.Cycles.Cycle(id, "Cycle " + id.ToString("N")[..6], "", 2024, 2027, app.Clock.UtcNow));
            await db.SaveChangesAsync();
        });
        return id;
    }

    public static SheetContent Content(string title, params string[] activities) => SheetContent.Empty(title) with
    {
        Problem = "Le problème initial est décrit ici.",
        Commitment = "Publier les données budgétaires locales.",
        Activities = activities.Select(a => new SheetActivity(Guid.NewGuid(), a, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30))).ToList(),
    };

    /// <summary>A sheet published for consultation, open from now for <paramref name="days"/> days.</summary>
    /// <param name="cycle">The cycle (default: a new one).</param>
    public static Task<Guid> PublishedSheetAsync(this OpenGovFactory app, Guid agencyId, string editorId, SheetContent content, double days = 10, Guid? cycle = null)
        => app.WithScopeAsync(async sp =>
        {
            var editing = sp.GetRequiredService<SheetEditing>();
            cycle ??= await app.CycleAsync();
            var id = await editing.CreateAsync(editorId, agencyId, cycle.Value, content);
            await editing.PublishAsync(editorId, "Éditeur", id, null, app.Clock.UtcNow.AddMinutes(-1), app.Clock.UtcNow.AddDays(days), []);
            return id;
        });

    public static Task<string> TokenAsync(this HttpClient client, string url) => client.GetDocumentAsync(url).ContinueWith(t =>
        t.Result.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("no token on " + url));

    /// <summary>Forbid() answers 403, or (cookie authentication) a redirect to the access-denied page.</summary>
    public static void AssertForbidden(HttpResponseMessage response) => Http.AssertForbidden(response);

    private static string Head(string s) => s[..Math.Min(s.Length, 1500)];

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string tokenPage, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await client.TokenAsync(tokenPage);
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        // SHEETS_DEBUG=/path/file logs each post and its answer, to diagnose a failing test.
        if (Environment.GetEnvironmentVariable("SHEETS_DEBUG") is { } path)
            await File.AppendAllTextAsync(path, $"POST {url} -> {(int)response.StatusCode} {response.Headers.Location}\n{Head(await response.Content.ReadAsStringAsync())}\n\n");
        return response;
    }
}
