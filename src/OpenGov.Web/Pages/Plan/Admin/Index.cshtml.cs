using OpenGov.Web.Security;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Plan.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(PlanQueries plans, PlanAdministration admin) : PageModel
{
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];
    [BindProperty, SingleLine] public string? Title { get; set; }
    [BindProperty] public int StartYear { get; set; } = 2024;
    [BindProperty] public int EndYear { get; set; } = 2027;

    public async Task OnGetAsync(CancellationToken ct) => Plans = await plans.ListAsync(includeDrafts: true, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            if (!ModelState.IsValid) throw new ArgumentException(nameof(Title));
            var id = await admin.CreatePlanAsync(Title ?? "", StartYear, EndYear, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
            return Redirect($"/plan/admin/{id}");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Title), e.Message.Split(" (Parameter")[0]);
            Plans = await plans.ListAsync(includeDrafts: true, ct);
            return Page();
        }
    }
}
