using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Infrastructure.Tracking;
using OpenGov.Web.Infrastructure.Caching;

namespace OpenGov.Web.Pages.Plan;

[CachedPage("plans", "cycles")]
public sealed class IndexModel(PlanQueries plans) : PageModel
{
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];
    public PlanProgress? Latest { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var drafts = TrackingWeb.SeesDrafts(User);
        Plans = await plans.ListAsync(drafts, ct);
        if (Plans.Count > 0) Latest = await plans.ProgressAsync(Plans[0].Id, drafts, ct);
    }
}
