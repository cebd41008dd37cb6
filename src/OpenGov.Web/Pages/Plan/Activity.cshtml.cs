using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Infrastructure.Caching;
using OpenGov.Web.Infrastructure.Tracking;

namespace OpenGov.Web.Pages.Plan;

/// <summary>An activity's own public page (progress, actions, difficulties), linked from and back to its commitment.</summary>
[CachedPage("plans")]
public sealed class ActivityModel(PlanQueries plans) : PageModel
{
    public ActivityPage Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var item = await plans.ActivityAsync(id, TrackingWeb.SeesDrafts(User), ct);
        if (item is null) return NotFound();
        Item = item;
        return Page();
    }
}
