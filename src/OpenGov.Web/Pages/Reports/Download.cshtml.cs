using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Reports;
using OpenGov.Web.Infrastructure.Documents;

namespace OpenGov.Web.Pages.Reports;

/// <summary>
/// The report's files: /cycles/{id}/report.docx, .csv (ideas), .json and report-sheets.csv. Public like the report page.
/// A small cycle's file is computed in the request; a large one's by a background job, followed on the export page.
/// </summary>
public sealed class DownloadModel(SynthesisReports reports, ReportExports exports, ReportLabels labels, StandardsLabels standardsLabels,
    OpenGov.Consultation.Standards.CycleStandards standards, SiteDates dates, IBackgroundJobClient jobs) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string name, string format, CancellationToken ct)
    {
        var file = $"{name}.{format}";
        if (!SynthesisExports.Files.TryGetValue(file, out var contentType)) return NotFound();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (await exports.RunsInBackgroundAsync(id, ct))
        {
            var (exportId, created) = await exports.RequestAsync(id, file, language, ct);
            if (created) ReportExportJob.Enqueue(jobs, exportId);
            return Redirect($"/cycles/{id}/report/exports/{exportId}");
        }
        var report = await reports.BuildAsync(id, language, ct: ct);
        if (report is null) return NotFound();
        var checklist = file == "report.docx" ? await standards.CheckAsync(id, ct) : null;
        return File(await SynthesisExports.WriteAsync(file, report, checklist, labels, standardsLabels, dates, language), contentType, $"synthesis-{report.CycleId:N}-{file}");
    }
}
