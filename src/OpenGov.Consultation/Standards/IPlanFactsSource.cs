namespace OpenGov.Consultation.Standards;

/// <summary>
/// The published plan adopted from a cycle, read by the host from the tracking module (modules know each other by id only).
/// The default has none.
/// </summary>
public interface IPlanFactsSource
{
    Task<PlanFact?> ForCycleAsync(Guid cycleId, CancellationToken ct);
}

public sealed class NoPlanFactsSource : IPlanFactsSource
{
    public Task<PlanFact?> ForCycleAsync(Guid cycleId, CancellationToken ct) => Task.FromResult<PlanFact?>(null);
}
