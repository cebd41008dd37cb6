using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Infrastructure.Tracking;

namespace OpenGov.Web.Pages.Plan;

/// <summary>The self-assessment report as a printable page (same content as the DOCX).</summary>
public sealed class ReportModel(PlanQueries plans) : PageModel
{
    public PlanReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await PlanReport.LoadAsync(plans, id, TrackingWeb.SeesDrafts(User), ct);
        if (report is null) return NotFound();
        Report = report;
        return Page();
    }
}
