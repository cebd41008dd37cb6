using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Infrastructure.Tracking;
using OpenGov.Web.Infrastructure.Caching;
using OpenGov.Web.Infrastructure.Charts;
using OpenGov.SharedKernel.Numbers;

namespace OpenGov.Web.Pages.Plan;

/// <summary>The public dashboard of a plan: overall, axis and commitment rates, with filters by axis, agency and level.</summary>
[CachedPage("plans", "cycles")]
public sealed class DetailsModel(PlanQueries plans, Microsoft.Extensions.Localization.IStringLocalizer<PlanText> text) : PageModel
{
    public PlanProgress Progress { get; private set; } = null!;
    public IReadOnlyList<CommitmentRate> Shown { get; private set; } = [];
    public IReadOnlyList<string> Agencies { get; private set; } = [];
    /// <summary>The same chart component as the operator's dashboard: rates by axis, and commitments by level of progress.</summary>
    public Chart AxisChart { get; private set; } = null!;
    public Chart LevelChart { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public Guid? Axis { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public ProgressLevel? Level { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var progress = await plans.ProgressAsync(id, TrackingWeb.SeesDrafts(User), ct);
        if (progress is null) return NotFound();
        Progress = progress;
        var culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        AxisChart = new Chart("chart-axis-rates", text["RatesByAxis"], ChartKind.Bars,
            progress.Axes.Select(a => new ChartPoint(a.Name(culture), a.Rate, new Percentage(a.Rate).Display)).ToList(), text["Axis"], text["Rate"], Max: 100);
        LevelChart = new Chart("chart-levels", text["CommitmentsByLevel"], ChartKind.Bars,
            Enum.GetValues<ProgressLevel>().Select(l => new ChartPoint(text["Level." + l], progress.Commitments.Count(c => c.Level == l))).ToList(),
            text["Level"], text["Commitments"]);
        Agencies = progress.Commitments.Select(c => c.LeadAgency).Distinct().Order(StringComparer.Ordinal).ToList();
        Shown = progress.Commitments
            .Where(c => Axis is null || c.AxisId == Axis)
            .Where(c => string.IsNullOrEmpty(Agency) || c.LeadAgency == Agency)
            .Where(c => Level is null || c.Level == Level)
            .ToList();
        return Page();
    }
}
