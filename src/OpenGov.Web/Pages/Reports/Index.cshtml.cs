using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Reports;

namespace OpenGov.Web.Pages.Reports;

/// <summary>The synthesis report of a cycle as a printable page (public, like the cycle).</summary>
public sealed class IndexModel(SynthesisReports reports, ReportExports exports, ReportLabels labels) : PageModel
{
    /// <summary>Ideas listed on the page of a large cycle; the downloads hold them all.</summary>
    public const int IdeasShownWhenLarge = 200;

    public SynthesisReport Report { get; private set; } = null!;
    public ReportLabels L => labels;
    public bool Large { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await reports.BuildAsync(id, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        if (report is null) return NotFound();
        Report = report;
        Large = await exports.RunsInBackgroundAsync(id, ct);
        return Page();
    }
}
