using OpenGov.Consultation.Standards;
using OpenGov.Tracking.Plans;

namespace OpenGov.Web.Infrastructure.Tracking;

/// <summary>The standards checklist's view of the plan adopted from a cycle, read through the tracking module by the cycle's id.</summary>
internal sealed class TrackingPlanFacts(PlanCycleFacts plans) : IPlanFactsSource
{
    public async Task<PlanFact?> ForCycleAsync(Guid cycleId, CancellationToken ct)
    {
        var plan = await plans.ForCycleAsync(cycleId, ct);
        if (plan is null) return null;
        // The plan runs to the end of its last year.
        var endsAt = new DateTime(plan.EndYear + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return new PlanFact(plan.PlanId, plan.Title, plan.PublishedAt, endsAt,
            plan.Commitments.Select(c => new CommitmentFact(c.Id, c.Number, c.Title, c.LeadUpdates)).ToList());
    }
}
