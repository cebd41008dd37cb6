using Microsoft.AspNetCore.Mvc;
using OpenGov.Consultation.Associations;

namespace OpenGov.Web.Pages.Associations;

/// <summary>The public directory as CSV, with the same filters as the page.</summary>
public sealed class ExportModel(AssociationDirectory directory) : CommunityPageModel
{
    public async Task<IActionResult> OnGetAsync(string? region, string? theme, CancellationToken ct)
    {
        var csv = await directory.ExportCsvAsync(OpenGov.SharedKernel.Regions.IsValid(region) ? region : null,
            string.IsNullOrWhiteSpace(theme) ? null : theme, ct);
        return File(csv, "text/csv; charset=utf-8", "associations.csv");
    }
}
