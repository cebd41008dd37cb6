using OpenGov.Web.Security;
using OpenGov.SharedKernel.Errors;
using OpenGov.Web.Infrastructure.Errors;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Plan.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(PlanQueries plans, PlanAdministration admin) : PageModel, IRedisplayPage
{
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];
    [BindProperty, SingleLine] public string? Title { get; set; }
    [BindProperty] public int StartYear { get; set; } = 2024;
    [BindProperty] public int EndYear { get; set; } = 2027;

    public async Task OnGetAsync(CancellationToken ct) => Plans = await plans.ListAsync(includeDrafts: true, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        var id = await admin.CreatePlanAsync(Title ?? "", StartYear, EndYear, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        return Redirect($"/plan/admin/{id}");
    }

    public async Task<IActionResult> RedisplayAsync()
    {
        Plans = await plans.ListAsync(includeDrafts: true, HttpContext.RequestAborted);
        return Page();
    }
}
