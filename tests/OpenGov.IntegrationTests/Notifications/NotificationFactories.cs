using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Notifications;

/// <summary>
/// Signs a request in as the user named by the X-Test-User header (a user created by CreateUserAsync), through the real
/// Identity principal factory, so roles and policies apply as in production. The account pages live in another feature;
/// this keeps these tests independent of them.
/// </summary>
internal sealed class TestUserStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-User";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var id) && !string.IsNullOrEmpty(id))
            {
                var users = context.RequestServices.GetRequiredService<UserManager<AppUser>>();
                var signIn = context.RequestServices.GetRequiredService<SignInManager<AppUser>>();
                var user = await users.FindByIdAsync(id!);
                if (user is not null) context.User = await signIn.CreateUserPrincipalAsync(user);
            }
            await nextMiddleware(context);
        });
        next(app);
    };
}

public static class TestUsers
{
    /// <summary>A cookie-keeping client signed in as a new user with the given roles.</summary>
    public static async Task<(HttpClient Client, string UserId, string Email)> ClientAsAsync(this OpenGovFactory app, params string[] roles)
    {
        var email = $"n{Guid.NewGuid():N}"[..20] + "@test.opengov.ma";
        var id = await app.CreateUserAsync(email, roles);
        var client = app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(TestUserStartupFilter.Header, id);
        return (client, id, email);
    }

    /// <summary>A signed-in user without the right: 403, or the cookie handler's redirect to the access-denied page.</summary>
    public static void AssertForbidden(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden) return;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    internal static void AddTestUsers(IWebHostBuilder builder)
        => builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestUserStartupFilter>());

    /// <summary>Settings for notification tests: deliveries happen when the test says so.</summary>
    internal static Dictionary<string, string?> ManualDelivery => new()
    {
        ["Notifications:WorkerEnabled"] = "false",
        ["Notifications:MaxAttempts"] = "3",
        ["Notifications:RetryBaseDelay"] = "00:01:00",
        ["Notifications:Lease"] = "00:05:00",
        ["Notifications:BatchSize"] = "20",
    };
}

public sealed class NotificationsSqliteFactory : SqliteFactory
{
    protected override IDictionary<string, string?> ExtraSettings => TestUsers.ManualDelivery;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestUsers.AddTestUsers(builder);
    }
}

public sealed class NotificationsPostgresFactory : PostgresFactory
{
    protected override int? MaxPoolSize => 20;
    protected override IDictionary<string, string?> ExtraSettings => TestUsers.ManualDelivery;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestUsers.AddTestUsers(builder);
    }
}

/// <summary>The app on a Kestrel port with the outbox dispatched by the job server (pickup folder), for the browser journey.</summary>
public sealed class FeedbackKestrelFactory : KestrelSqliteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestUsers.AddTestUsers(builder);
    }
}
