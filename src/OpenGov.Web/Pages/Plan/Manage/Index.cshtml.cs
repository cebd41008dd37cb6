using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Tracking;

namespace OpenGov.Web.Pages.Plan.Manage;

/// <summary>The project lead's back office: their commitments (all for administrators) and the open information requests.</summary>
[Authorize(Policy = Policies.AdministrationEditor)]
public sealed class IndexModel(PlanQueries plans, InformationRequests requests) : PageModel
{
    public IReadOnlyList<CommitmentRate> Commitments { get; private set; } = [];
    public IReadOnlyList<(RequestView Request, Guid CommitmentId, int Number)> OpenRequests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = TrackingWeb.ActorOf(User);
        Commitments = await plans.EditableAsync(actor.UserId, actor.IsAdministrator, ct);
        OpenRequests = await requests.OpenForLeadAsync(actor, ct);
    }
}
