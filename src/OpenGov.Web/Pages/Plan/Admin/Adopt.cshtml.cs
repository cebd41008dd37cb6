using OpenGov.Web.Security;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Sheets;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Plan.Admin;

/// <summary>Adoption: a draft plan created from the commitment sheets retained by a cycle's published selection.
/// Co-creation is read as plain data and handed to Tracking, which keeps each commitment's link to its sheet.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AdoptModel(SheetAdoption sheets, PlanAdministration admin, IStringLocalizer<PlanText> text) : PageModel
{
    public IReadOnlyList<CycleWithSelection> Cycles { get; private set; } = [];

    [BindProperty] public Guid CycleId { get; set; }
    [BindProperty, Required, StringLength(300), SingleLine] public string? Title { get; set; }
    [BindProperty, Range(2000, 2100)] public int StartYear { get; set; } = DateTime.UtcNow.Year;
    [BindProperty, Range(2000, 2100)] public int EndYear { get; set; } = DateTime.UtcNow.Year + 2;

    public async Task OnGetAsync(CancellationToken ct) => Cycles = await sheets.CyclesWithSelectionAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Cycles = await sheets.CyclesWithSelectionAsync(ct);
        if (EndYear < StartYear) ModelState.AddModelError(nameof(EndYear), text["Adopt.YearsOrder"]);
        var retained = ModelState.IsValid ? await sheets.RetainedSheetsAsync(CycleId, ct) : [];
        if (ModelState.IsValid && retained.Count == 0) ModelState.AddModelError(nameof(CycleId), text["Adopt.NoSelection"]);
        if (!ModelState.IsValid) return Page();

        var commitments = retained.Select((s, i) => new AdoptedCommitment(i + 1, s.Title, s.AxisName, s.LeadAgency, s.Problem, s.Description,
            s.Activities.Select(a => new AdoptedActivity(a.Deliverable, 1, a.Start, a.End)).ToList(), s.SheetId)).ToList();
        var planId = await admin.AdoptAsync(Title!.Trim(), StartYear, EndYear, CycleId, commitments, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        return Redirect($"/plan/admin/{planId}");
    }
}
