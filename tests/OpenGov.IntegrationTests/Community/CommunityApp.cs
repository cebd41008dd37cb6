using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGov.Consultation;
using OpenGov.Consultation.Cycles;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Community;

/// <summary>
/// The real app with one addition for these tests: a request may name its user in an X-Test-User header, and is then
/// authenticated with that user's real Identity principal (roles included). Everything else (antiforgery, policies,
/// handlers, database) is the production pipeline; the sign-in form itself is the identity feature's concern.
/// </summary>
public static class CommunityApp
{
    public const string Header = "X-Test-User";
    private static readonly ConditionalWeakTable<OpenGovFactory, WebApplicationFactory<Program>> Hosts = new();

    private static WebApplicationFactory<Program> Host(OpenGovFactory app) => Hosts.GetValue(app, a => a.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
    {
        s.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderUserHandler>("TestHeader", null);
        s.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = "TestHeader");
    })));

    public static HttpClient ClientAs(this OpenGovFactory app, string? userId)
    {
        var client = Host(app).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost") });
        if (userId is not null) client.DefaultRequestHeaders.Add(Header, userId);
        return client;
    }

    public static async Task<(HttpClient Client, string UserId)> UserAsync(this OpenGovFactory app, params string[] roles)
    {
        var email = $"c{Guid.NewGuid():N}"[..20] + "@test.opengov.ma";
        var id = await app.CreateUserAsync(email, roles);
        return (app.ClientAs(id), id);
    }

    /// <summary>The themes and forum categories come from the latest cycle: give the test database one.</summary>
    public static Task EnsureCycleAsync(this OpenGovFactory app) => app.WithDbAsync(async db =>
    {
        if (await db.Set<Cycle>().AnyAsync(c => c.Id == DemoIds.Cycle2024)) return;
        var cycle = new Cycle(DemoIds.Cycle2024, "PAN3", "", 2024, 2027, app.Clock.UtcNow);
        cycle.AddAxis("access-to-information", "Accès à l'information", "الحق في الحصول على المعلومات", "Access to information");
        cycle.AddAxis("integrity", "Intégrité", "النزاهة", "Integrity");
        cycle.AddAxis("citizen-participation", "Participation citoyenne", "المشاركة المواطنة", "Citizen participation");
        db.Add(cycle);
        try { await db.SaveChangesAsync(); } catch (DbUpdateException) { /* another test class sharing nothing got there first */ }
    });

    /// <summary>Refused on the server: 403, or the cookie scheme's redirect to the access-denied or login page.</summary>
    public static void AssertDenied(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/account/access-denied", StringComparison.Ordinal) || location.Contains("/account/login", StringComparison.Ordinal))),
            $"Expected a refusal, got {(int)response.StatusCode} {location}");
    }

    private sealed class HeaderUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var id)) return AuthenticateResult.NoResult();
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null) return AuthenticateResult.Fail("unknown user");
            ClaimsPrincipal principal = await principals.CreateAsync(user);
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }
    }
}
