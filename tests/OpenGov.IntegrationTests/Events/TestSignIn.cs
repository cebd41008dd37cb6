using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Events;

/// <summary>
/// Signs a test user in by minting the application's own authentication cookie (same data-protection keys, same ticket format
/// the login page would issue), so these tests do not depend on the account pages.
/// </summary>
public static class TestSignIn
{
    public static async Task<(HttpClient Client, string UserId, string Email)> ClientAsync(OpenGovFactory app, params string[] roles)
    {
        var email = $"e{Guid.NewGuid():N}"[..20] + "@test.opengov.ma";
        var id = await app.CreateUserAsync(email, roles);
        var container = new CookieContainer();
        container.Add(new Uri("http://localhost"), new Cookie("opengov.auth", await CookieAsync(app.Services, id)));
        return (app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(container)), id, email);
    }

    public static async Task<string> CookieAsync(IServiceProvider services, string userId)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId) ?? throw new InvalidOperationException("No such user.");
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var options = sp.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Protect(new AuthenticationTicket(principal, new AuthenticationProperties(), IdentityConstants.ApplicationScheme));
    }
}
