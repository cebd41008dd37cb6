using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Reports;

namespace OpenGov.Web.Pages.Reports;

/// <summary>The synthesis report of a cycle as a printable page (public, like the cycle).</summary>
public sealed class IndexModel(SynthesisReports reports, ReportExports exports, ReportLabels labels,
    OpenGov.Consultation.Standards.CycleStandards standards, OpenGov.Consultation.Workshops.WorkshopFigures workshops) : PageModel
{
    /// <summary>Ideas listed on the page of a large cycle; the downloads hold them all.</summary>
    public const int IdeasShownWhenLarge = 200;

    /// <summary>Ideas online vs from regional workshops, by region (the workshops feature's count).</summary>
    public OpenGov.Consultation.Workshops.WorkshopChannels Channels { get; private set; } = null!;
    public SynthesisReport Report { get; private set; } = null!;
    /// <summary>The OGP standards checklist, the same as /cycles/{id}/standards (a separate read: the report feature cannot depend on it).</summary>
    public OpenGov.Consultation.Standards.StandardsChecklist Standards { get; private set; } = null!;
    public ReportLabels L => labels;
    public bool Large { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // Figures come aggregated from the database; the page lists a bounded number of ideas: all of a small cycle
        // (at most the background threshold), the first ones of a large one.
        Large = await exports.RunsInBackgroundAsync(id, ct);
        var report = await reports.BuildAsync(id, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            Large ? IdeasShownWhenLarge : exports.BackgroundThreshold, ct);
        if (report is null) return NotFound();
        Report = report;
        Standards = (await standards.CheckAsync(id, ct))!;
        Channels = await workshops.ForCycleAsync(id, ct);
        return Page();
    }
}
