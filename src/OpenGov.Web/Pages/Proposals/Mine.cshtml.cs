using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Proposals;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Proposals;

/// <summary>The signed-in user's own proposals, drafts included.</summary>
[Authorize]
public sealed class MineModel(ProposalQueries queries, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<MyProposal> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await this.CurrentActorAsync(users);
        if (actor is null) return Forbid();
        Items = await queries.MineAsync(actor.UserId, ct);
        return Page();
    }
}
