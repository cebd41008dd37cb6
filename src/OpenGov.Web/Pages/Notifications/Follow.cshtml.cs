using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Follows;

namespace OpenGov.Web.Pages.Notifications;

/// <summary>Follow / unfollow a cycle, proposal, sheet or forum thread (posted by the _FollowButton partial), then back to the page.</summary>
[Authorize]
public sealed class FollowModel(Followers followers) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(FollowTarget target, Guid targetId, bool follow, string? returnUrl, CancellationToken ct)
    {
        if (!Enum.IsDefined(target) || targetId == Guid.Empty) return BadRequest();
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        if (follow) await followers.FollowAsync(userId, target, targetId, ct);
        else await followers.UnfollowAsync(userId, target, targetId, ct);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
