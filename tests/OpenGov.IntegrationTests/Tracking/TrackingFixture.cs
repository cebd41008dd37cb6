using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Demo;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Tracking;

/// <summary>
/// The real app on a real database, with the seeded 2018-2020 plan and a small published plan ("Plan T") whose two
/// commitments belong to two agencies with one project lead each (real users, signed in with SignedInClientForAsync).
/// </summary>
public abstract class TrackingFixture<TFactory> : IAsyncLifetime where TFactory : OpenGovFactory, new()
{
    public TFactory Base { get; } = new();
    public TestClock Clock => Base.Clock;

    public string LeadA { get; private set; } = null!;
    public string LeadB { get; private set; } = null!;
    public Guid PlanT { get; private set; }
    public Guid CommitmentA { get; private set; }
    public Guid CommitmentB { get; private set; }
    public Guid ActivityA1 { get; private set; }
    public Guid ActivityB1 { get; private set; }

    public async Task InitializeAsync()
    {
        await Base.InitializeAsync();
        var ids = await PlanT_.CreateAsync(Base);
        (PlanT, CommitmentA, ActivityA1, CommitmentB, ActivityB1, LeadA, LeadB) = (ids.Plan, ids.CommitmentA, ids.ActivityA1, ids.CommitmentB, ids.ActivityB1, ids.LeadA, ids.LeadB);
    }

    public Task DisposeAsync() => Base.DisposeAsync();

    /// <summary>An anonymous client.</summary>
    public HttpClient Client() => Base.CreateBrowserlikeClient();

    public Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action) => Base.WithScopeAsync(action);
}

/// <summary>The seeded 2018-2020 plan plus "Plan T": two commitments of two agencies, one lead each (an administration
/// editor), published.</summary>
internal static class PlanT_
{
    public sealed record Ids(Guid Plan, Guid CommitmentA, Guid ActivityA1, Guid CommitmentB, Guid ActivityB1, string LeadA, string LeadB);

    public static async Task<Ids> CreateAsync(OpenGovFactory app)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var leadA = await app.CreateUserAsync($"lead-a-{suffix}@test.opengov.ma", Roles.AdministrationEditor);
        var leadB = await app.CreateUserAsync($"lead-b-{suffix}@test.opengov.ma", Roles.AdministrationEditor);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var now = app.Clock.UtcNow;
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
        await admin.AssignLeadAsync(rows[0].Id, leadA, "admin");
        await admin.AssignLeadAsync(rows[1].Id, leadB, "admin");
        await admin.PublishAsync(plan, "admin");
        return new Ids(plan, rows[0].Id, rows[0].First, rows[1].Id, rows[1].First, leadA, leadB);
    }
}

public sealed class TrackingSqliteFixture : TrackingFixture<SqliteFactory>;
public sealed class TrackingPostgresFixture : TrackingFixture<PostgresFactory>;
public sealed class TrackingSqlServerFixture : TrackingFixture<SqlServerFactory>;
