using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Reports;
using OpenGov.Web.Localization;

namespace OpenGov.Web.Pages.Reports;

/// <summary>The synthesis report of a cycle as a printable page.</summary>
public sealed class IndexModel(SynthesisReports reports, ReportLabels labels) : PageModel
{
    public SynthesisReport Report { get; private set; } = null!;
    public ReportLabels L => labels;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await reports.BuildAsync(id, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        if (report is null) return NotFound();
        Report = report;
        return Page();
    }
}

/// <summary>The report's data: /cycles/{id}/report.docx, .csv or .json.</summary>
public sealed class DownloadModel(SynthesisReports reports, ReportLabels labels, SiteDates dates) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string format, CancellationToken ct)
    {
        if (format is not ("docx" or "csv" or "json")) return NotFound();
        var report = await reports.BuildAsync(id, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        if (report is null) return NotFound();
        var name = $"synthesis-{report.CycleId:N}.{format}";
        return format switch
        {
            "docx" => File(ReportExports.ToDocx(report, labels, dates, Cultures.IsRightToLeft(CultureInfo.CurrentUICulture)),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name),
            "csv" => File(await ReportExports.ToCsvAsync(report, labels), "text/csv; charset=utf-8", name),
            _ => File(ReportExports.ToJson(report), "application/json; charset=utf-8", name),
        };
    }
}
