using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Workshops;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Workshops;

/// <summary>A facilitator's workshops (every workshop for an administrator).</summary>
[Authorize(Policy = Policies.Facilitator)]
public sealed class IndexModel(WorkshopIdeas workshops, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<WorkshopRow> Workshops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
        => Workshops = await workshops.ListAsync(users.GetUserId(User)!, User.IsInRole(Roles.Administrator), ct);
}
