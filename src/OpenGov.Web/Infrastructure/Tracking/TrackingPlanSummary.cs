using OpenGov.SharedKernel.Numbers;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Api;

namespace OpenGov.Web.Infrastructure.Tracking;

/// <summary>The home page's plan figure: the latest published plan and its overall rate, by the tracking module's rules.</summary>
internal sealed class TrackingPlanSummary(PlanQueries plans) : IPlanSummary
{
    public async Task<PlanRate?> CurrentAsync(CancellationToken ct = default)
    {
        var latest = (await plans.ListAsync(includeDrafts: false, ct)).FirstOrDefault();
        if (latest is null) return null;
        var progress = await plans.ProgressAsync(latest.Id, includeDrafts: false, ct);
        return progress is null ? null : new PlanRate(progress.TitleText, new Percentage(progress.Overall), $"/plan/{progress.PlanId}");
    }
}
