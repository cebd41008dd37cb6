using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Auditing;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure;

namespace OpenGov.IntegrationTests.Foundation;

/// <summary>A SQLite app with a very low limit on account form posts.</summary>
public sealed class LowAuthLimitFactory : OpenGovFactory
{
    public override string ProviderName => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(WorkDir, "opengov.db")}";
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RateLimiting:AuthPermitsPerMinute"] = "3" };
}

public sealed class AuthRateLimitTests(LowAuthLimitFactory app) : IClassFixture<LowAuthLimitFactory>
{
    [Fact]
    public async Task Account_posts_beyond_the_limit_answer_429_while_pages_still_load()
    {
        var client = app.CreateBrowserlikeClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = "nobody@example.ma", ["Input.Password"] = "whatever it may be" };
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync("/account/login", fields)).StatusCode);
        var limited = await client.SubmitFormAsync("/account/login", fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Trop de tentatives", await limited.ReadTextAsync(), StringComparison.Ordinal);
        // The same policy covers registration and password reset; reading the forms stays free.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "a@example.ma" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/register")).StatusCode);
    }
}

public abstract class OperatorCommandTests(OpenGovFactory app)
{
    [Fact]
    public async Task Create_admin_creates_a_confirmed_administrator_who_can_sign_in()
    {
        var email = $"ops-{Guid.NewGuid():N}"[..16] + "@ministere.ma";
        const string password = "une longue phrase pour l'admin";
        Assert.Equal(0, await OperatorCommands.CreateAdminAsync(app.Services, [email, "Direction SI"], () => password));
        // Idempotent: running it again changes nothing and writes no second audit entry.
        Assert.Equal(0, await OperatorCommands.CreateAdminAsync(app.Services, [email], () => password));

        var client = app.CreateBrowserlikeClient();
        await client.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        var (name, grants) = await app.WithScopeAsync(async sp =>
        {
            var user = (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
            var db = sp.GetRequiredService<Web.Data.AppDbContext>();
            return (user.DisplayName, await db.Set<AuditEntry>().CountAsync(e => e.TargetId == user.Id && e.Action == "role.granted"));
        });
        Assert.Equal(("Direction SI", 1), (name, grants));
    }

    [Fact]
    public async Task Create_admin_refuses_a_weak_password_and_a_missing_address()
    {
        var email = $"weak-{Guid.NewGuid():N}"[..16] + "@ministere.ma";
        Assert.Equal(1, await OperatorCommands.CreateAdminAsync(app.Services, [email], () => "admin123"));
        Assert.Equal(2, await OperatorCommands.CreateAdminAsync(app.Services, [], () => "irrelevant but long"));
        Assert.Null(await app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)));
    }
}

public sealed class OperatorCommandTests_Sqlite(SqliteFactory app) : OperatorCommandTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class OperatorCommandTests_Postgres(PostgresFactory app) : OperatorCommandTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class OperatorCommandTests_SqlServer(SqlServerFactory app) : OperatorCommandTests(app), IClassFixture<SqlServerFactory>;
