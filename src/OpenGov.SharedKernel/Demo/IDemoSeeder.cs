namespace OpenGov.SharedKernel.Demo;

/// <summary>
/// Seeds demonstration data in demo mode only (never in production). Seeders run in <see cref="Order"/>
/// and must be idempotent: they check whether their data is already there.
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }
    Task SeedAsync(DemoContext context, CancellationToken ct);
}

/// <summary>What seeders share: the ids of the demo accounts, by role name (see OpenGov.Web's Roles).</summary>
public sealed class DemoContext
{
    public IReadOnlyDictionary<string, string> UserIdsByRole { get; init; } = new Dictionary<string, string>();
    /// <summary>Extra demo users seeders may create or look up, keyed by e-mail.</summary>
    public Func<string, string, string?, Task<string>> EnsureUserAsync { get; init; } = (_, _, _) => Task.FromResult("");
}
