using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Reports;
using OpenGov.Web.Infrastructure.Documents;

namespace OpenGov.Web.Pages.Reports;

/// <summary>
/// A background export of a large cycle's report: its progress (the page refreshes itself while it runs), then the download
/// link until it expires. Public like the report page; an export is only found under its own cycle.
/// </summary>
public sealed class ExportModel(ReportExports exports) : PageModel
{
    public ReportExportView Export { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid exportId, CancellationToken ct)
    {
        var export = await exports.FindAsync(id, exportId, ct);
        if (export is null) return NotFound();
        Export = export;
        if (export is { Status: ReportExportStatus.Pending or ReportExportStatus.Running, Expired: false })
            Response.Headers["Refresh"] = "3";
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid exportId, CancellationToken ct)
    {
        var export = await exports.FindAsync(id, exportId, ct);
        var content = export is null ? null : await exports.ContentAsync(id, exportId, ct);
        if (export is null || content is null) return NotFound();
        return File(content, SynthesisExports.Files[export.File], $"synthesis-{id:N}-{export.File}");
    }
}
