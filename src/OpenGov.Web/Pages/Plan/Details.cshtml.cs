using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Infrastructure.Tracking;
using OpenGov.Web.Infrastructure.Caching;

namespace OpenGov.Web.Pages.Plan;

/// <summary>The public dashboard of a plan: overall, axis and commitment rates, with filters by axis, agency and level.</summary>
[CachedPage("plans", "cycles")]
public sealed class DetailsModel(PlanQueries plans) : PageModel
{
    public PlanProgress Progress { get; private set; } = null!;
    public IReadOnlyList<CommitmentRate> Shown { get; private set; } = [];
    public IReadOnlyList<string> Agencies { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public Guid? Axis { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public ProgressLevel? Level { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var progress = await plans.ProgressAsync(id, TrackingWeb.SeesDrafts(User), ct);
        if (progress is null) return NotFound();
        Progress = progress;
        Agencies = progress.Commitments.Select(c => c.LeadAgency).Distinct().Order(StringComparer.Ordinal).ToList();
        Shown = progress.Commitments
            .Where(c => Axis is null || c.AxisId == Axis)
            .Where(c => string.IsNullOrEmpty(Agency) || c.LeadAgency == Agency)
            .Where(c => Level is null || c.Level == Level)
            .ToList();
        return Page();
    }
}
