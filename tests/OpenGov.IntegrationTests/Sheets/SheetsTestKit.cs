using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Sheets;

/// <summary>
/// Helpers for the sheets tests. Signing in issues the real Identity application cookie (same data protection, same claims
/// as SignInManager) without going through the login page, which another feature owns.
/// </summary>
public static class SheetsTestKit
{
    public static async Task<HttpClient> ClientForAsync(this OpenGovFactory app, string userId)
    {
        var cookie = await app.AuthCookieAsync(userId);
        var container = new CookieContainer();
        container.Add(new Uri("http://localhost"), new Cookie("opengov.auth", cookie));
        return app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(container));
    }

    /// <summary>The value of the Identity application cookie ("opengov.auth") for a user.</summary>
    public static async Task<string> AuthCookieAsync(this OpenGovFactory app, string userId)
    {
        return await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var signIn = sp.GetRequiredService<SignInManager<AppUser>>();
            var principal = await signIn.CreateUserPrincipalAsync((await users.FindByIdAsync(userId))!);
            var options = sp.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            var now = app.Clock.GetUtcNow();
            var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddYears(1) },
                IdentityConstants.ApplicationScheme);
            return options.TicketDataFormat.Protect(ticket);
        });
    }

    public static async Task<(HttpClient Client, string UserId)> UserAsync(this OpenGovFactory app, params string[] roles)
    {
        var id = await app.CreateUserAsync($"s{Guid.NewGuid():N}"[..20] + "@test.opengov.ma", roles);
        return (await app.ClientForAsync(id), id);
    }

    /// <summary>An agency with one linked editor (signed in).</summary>
    public static async Task<(Guid AgencyId, HttpClient Editor, string EditorId)> AgencyWithEditorAsync(this OpenGovFactory app)
    {
        var (client, id) = await app.UserAsync(Roles.AdministrationEditor);
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
    public static Task<Guid> PublishedSheetAsync(this OpenGovFactory app, Guid agencyId, string editorId, SheetContent content, double days = 10)
        => app.WithScopeAsync(async sp =>
        {
            var editing = sp.GetRequiredService<SheetEditing>();
            var cycle = await app.CycleAsync();
            var id = await editing.CreateAsync(editorId, agencyId, cycle, content);
            await editing.PublishAsync(editorId, "Éditeur", id, null, app.Clock.UtcNow.AddMinutes(-1), app.Clock.UtcNow.AddDays(days), []);
            return id;
        });

    public static Task<string> TokenAsync(this HttpClient client, string url) => client.GetDocumentAsync(url).ContinueWith(t =>
        t.Result.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("no token on " + url));

    /// <summary>Forbid() answers 403, or (cookie authentication) a redirect to the access-denied page.</summary>
    public static void AssertForbidden(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden) return;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

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
