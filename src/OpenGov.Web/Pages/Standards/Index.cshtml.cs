using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Standards;
using OpenGov.Web.Infrastructure.Caching;

namespace OpenGov.Web.Pages.Standards;

/// <summary>The OGP Participation and Co-Creation Standards checklist of a cycle, computed from the platform's records.</summary>
[CachedPage("cycles", "meetings", "committees", "sheets", "feedback", "proposals", "plans")]
public sealed class IndexModel(CycleStandards standards) : PageModel
{
    public StandardsChecklist Checklist { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var checklist = await standards.CheckAsync(id, ct);
        if (checklist is null) return NotFound();
        Checklist = checklist;
        return Page();
    }
}
