using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Demo;
using OpenGov.Tracking.Plans;

namespace OpenGov.IntegrationTests.Tracking;

/// <summary>
/// The real app on a real database, with the seeded 2018-2020 plan and a small published plan ("Plan T") whose two
/// commitments belong to two agencies with one project lead each. Requests authenticate with a test scheme
/// (header X-Test-User: "id|Role1,Role2") so each test acts as the user it needs, through the real authorization policies.
/// </summary>
public abstract class TrackingFixture<TFactory> : IAsyncLifetime where TFactory : OpenGovFactory, new()
{
    public TFactory Base { get; } = new();
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public TestClock Clock => Base.Clock;

    public const string LeadA = PlanT_.LeadA;
    public const string LeadB = PlanT_.LeadB;
    public Guid PlanT { get; private set; }
    public Guid CommitmentA { get; private set; }
    public Guid CommitmentB { get; private set; }
    public Guid ActivityA1 { get; private set; }
    public Guid ActivityB1 { get; private set; }

    public async Task InitializeAsync()
    {
        await Base.InitializeAsync();
        App = Base.WithWebHostBuilder(b => b.ConfigureTestServices(HeaderAuthHandler.Register));
        await using var scope = App.Services.CreateAsyncScope();
        var ids = await PlanT_.CreateAsync(scope.ServiceProvider, Clock.UtcNow);
        (PlanT, CommitmentA, ActivityA1, CommitmentB, ActivityB1) = (ids.Plan, ids.CommitmentA, ids.ActivityA1, ids.CommitmentB, ids.ActivityB1);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Base.DisposeAsync();
    }

    /// <summary>A client acting as <paramref name="userId"/> with <paramref name="roles"/> (none: anonymous).</summary>
    public HttpClient Client(string? userId = null, params string[] roles)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost") });
        if (userId is not null) client.DefaultRequestHeaders.Add(HeaderAuthHandler.Header, $"{userId}|{string.Join(',', roles)}");
        return client;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}

/// <summary>The seeded 2018-2020 plan plus "Plan T": two commitments of two agencies, one lead each, published.</summary>
internal static class PlanT_
{
    public sealed record Ids(Guid Plan, Guid CommitmentA, Guid ActivityA1, Guid CommitmentB, Guid ActivityB1);

    public const string LeadA = "lead-a-user";
    public const string LeadB = "lead-b-user";

    public static async Task<Ids> CreateAsync(IServiceProvider sp, DateTime now)
    {
        var db = sp.GetRequiredService<DbContext>();
        var seeder = sp.GetServices<IDemoSeeder>().Single(s => s.GetType().Name == "PlanDemoSeeder");
        await seeder.SeedAsync(new DemoContext(), default);
        await seeder.SeedAsync(new DemoContext(), default); // idempotent

        var admin = sp.GetRequiredService<PlanAdministration>();
        var today = DateOnly.FromDateTime(now);
        var plan = await admin.AdoptAsync("Plan T", 2026, 2028, null,
        [
            new AdoptedCommitment(1, "Registre des bénéficiaires effectifs", "Intégrité", "Agence A", "Problème A", "Description A",
                [new("A1 mise à jour", 1, today.AddMonths(-6), today.AddMonths(6)), new("A2 en retard", 1, today.AddMonths(-6), today.AddDays(-10))]),
            new AdoptedCommitment(2, "Budget citoyen régional", "Transparence budgétaire", "Agence B", "Problème B", "Description B",
                [new("B1 en retard", 3, today.AddMonths(-6), today.AddDays(-3)), new("B2", 1, today, today.AddMonths(3))]),
        ], "admin");
        var rows = await db.Set<Commitment>().Where(c => c.PlanId == plan).OrderBy(c => c.Number)
            .Select(c => new { c.Id, First = c.Activities.OrderBy(a => a.Order).Select(a => a.Id).First() }).ToListAsync();
        await admin.AssignLeadAsync(rows[0].Id, LeadA, "admin");
        await admin.AssignLeadAsync(rows[1].Id, LeadB, "admin");
        await admin.PublishAsync(plan, "admin");
        return new Ids(plan, rows[0].Id, rows[0].First, rows[1].Id, rows[1].First);
    }
}

public sealed class TrackingSqliteFixture : TrackingFixture<SqliteFactory>;
public sealed class TrackingPostgresFixture : TrackingFixture<PostgresFactory>;

/// <summary>Test-only authentication: the user id and roles come from a request header.</summary>
internal sealed class HeaderAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeader";

    /// <summary>Makes this scheme the default for authentication, challenge and forbid (test hosts only).</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderAuthHandler>(SchemeName, _ => { });
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = SchemeName;
            o.DefaultAuthenticateScheme = SchemeName;
            o.DefaultChallengeScheme = SchemeName;
            o.DefaultForbidScheme = SchemeName;
        });
    }
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
        var parts = value.ToString().Split('|');
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, parts[0]), new(ClaimTypes.Name, parts[0]) };
        claims.AddRange(parts.ElementAtOrDefault(1)?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)) ?? []);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
