using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Tracking;
using OpenGov.Web.Infrastructure.Traceability;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Plan;

/// <summary>A commitment's public page, and the information-request thread for committee members, administrators and its leads.</summary>
[EnableRateLimiting(RateLimits.Submit)]
public sealed class CommitmentModel(PlanQueries plans, InformationRequests requests, TraceChain trace, IStringLocalizer<PlanText> text) : PageModel
{
    public CommitmentDetails Commitment { get; private set; } = null!;
    public IReadOnlyList<RequestView> Requests { get; private set; } = [];
    public bool CanSeeThread { get; private set; }
    /// <summary>The sheet the commitment was adopted from and, through it, the ideas it integrated.</summary>
    public CommitmentTrail Trail { get; private set; } = new(null, []);
    public bool CanAsk => User.IsInRole(Roles.CommitteeMember) || User.IsInRole(Roles.Administrator);

    [BindProperty] public string? Question { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAskAsync(Guid id, CancellationToken ct)
    {
        if (!CanAsk) return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Question) || Question.Trim().Length > 4000)
        {
            ModelState.AddModelError(nameof(Question), text["Request.Invalid"]);
            return Page();
        }
        await requests.AskAsync(id, Question, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        return Redirect($"/plan/commitments/{id}#requests");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await plans.CommitmentAsync(id, TrackingWeb.SeesDrafts(User), ct);
        if (c is null) return false;
        Commitment = c;
        Trail = await trace.CommitmentAsync(c.SourceSheetId, ct);
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        CanSeeThread = CanAsk || (me is not null && c.LeadIds.Contains(me));
        if (CanSeeThread) Requests = await requests.ThreadAsync(id, ct);
        return true;
    }
}
