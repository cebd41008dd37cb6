using OpenGov.Web.Security;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Forum;
using OpenGov.Web.Infrastructure.Web;
using OpenGov.Web.Pages.Associations;

namespace OpenGov.Web.Pages.Forum;

[Authorize]
[EnableRateLimiting(RateLimits.Submit)]
public sealed class NewModel(ForumService forum, CommunityThemes themes, AssociationMembership membership) : CommunityPageModel
{
    [BindProperty] public ThreadInput Input { get; set; } = new();
    public IReadOnlyList<ThemeOption> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? category, CancellationToken ct)
    {
        if (!await membership.IsForumMemberAsync(RequiredUserId, ct)) return Forbid();
        Themes = await themes.CurrentAsync(ct);
        Input.Category = category ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Themes = await themes.CurrentAsync(ct);
        if (!ModelState.IsValid) return Page();
        return await AttemptAsync(Need.SignedIn, async () =>
        {
            var id = await forum.StartThreadAsync(RequiredUserId, Input.Category, Input.Title, Input.Body, ct);
            return Redirect($"/forum/threads/{id}");
        }, () => Task.FromResult<IActionResult>(Page()));
    }

    public sealed class ThreadInput
    {
        [Required] public string Category { get; set; } = "";
        [Required, StringLength(200, MinimumLength = 3), SingleLine] public string Title { get; set; } = "";
        [Required, StringLength(20000, MinimumLength = 2)] public string Body { get; set; } = "";
    }
}
