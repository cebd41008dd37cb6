using OpenGov.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Follows;
using OpenGov.Consultation.Sheets;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;
using OpenGov.Web.Infrastructure.Caching;
using OpenGov.Web.Infrastructure.Traceability;

namespace OpenGov.Web.Pages.Sheets;

public sealed class CommentInput
{
    public string Section { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Empty: as oneself; otherwise on behalf of this association (checked on the server).</summary>
    public Guid? AssociationId { get; set; }
}

[CachedPage("sheets", "proposals", "cycles", "feedback", "plans")]
[EnableRateLimiting(RateLimits.Submit)]
public sealed class DetailsModel(SheetQueries queries, SheetCommenting commenting, SheetEditing editing, AssociationMembership memberships,
    Followers followers, TraceChain trace, UserManager<AppUser> users) : PageModel, IRedisplayPage
{
    public SheetPage Sheet { get; private set; } = null!;
    /// <summary>The ideas this sheet integrated (published responses) and the commitment it became.</summary>
    public SheetTrail Trail { get; private set; } = new([], null);
    public IReadOnlyList<AssociationRef> MyAssociations { get; private set; } = [];
    public bool IsFollowing { get; private set; }
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    [BindProperty] public CommentInput Comment { get; set; } = new();
    public string? CommentError { get; private set; }
    public Guid? ReplyErrorFor { get; private set; }
    public string? ReplyError { get; private set; }
    public string? ReplyText { get; private set; }
    /// <summary>The resource key of a confirmation shown once after a redirect.</summary>
    [TempData] public string? Notice { get; set; }

    private string? UserId => users.GetUserId(User);

    /// <param name="section">A section whose comments are paged from <paramref name="after"/> (the others show their first ones).</param>
    public async Task<IActionResult> OnGetAsync(Guid id, string? section, string? after) => await LoadAsync(id, section, after) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(Guid id)
    {
        if (UserId is not { } userId) return Challenge();
        var user = await users.GetUserAsync(User);
        _redisplay = (id, message => CommentError = message);
        var commentId = await commenting.CommentAsync(userId, user?.DisplayName ?? "", id, Comment.Section, Comment.Body ?? "", Comment.AssociationId);
        Notice = "Notice.Commented";
        // The section's page that holds the new comment, however many came before it.
        var after = await queries.CommentPageCursorAsync(id, commentId);
        return Redirect($"/sheets/{id}?section={Uri.EscapeDataString(Comment.Section)}"
            + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}") + $"#c-{commentId}");
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid id, Guid commentId, string? reply)
    {
        if (UserId is not { } userId) return Challenge();
        _redisplay = (id, message => (ReplyErrorFor, ReplyError, ReplyText) = (commentId, message, reply));
        await editing.ReplyAsync(userId, id, commentId, reply ?? "");
        return Redirect($"/sheets/{id}#c-{commentId}");
    }

    public async Task<IActionResult> OnPostFollowAsync(Guid id, bool follow)
    {
        if (UserId is not { } userId) return Challenge();
        if (await queries.PageAsync(id, userId) is null) return NotFound();
        if (follow) await followers.FollowAsync(userId, FollowTarget.Sheet, id);
        else await followers.UnfollowAsync(userId, FollowTarget.Sheet, id);
        return Redirect($"/sheets/{id}");
    }

    /// <summary>The sheet and where the refused form shows its error (beside its section or comment).</summary>
    private (Guid Id, Action<string> Show) _redisplay;

    public async Task<IActionResult> RedisplayAsync()
    {
        if (ModelState[string.Empty]?.Errors.FirstOrDefault()?.ErrorMessage is { } message) _redisplay.Show(message);
        return await LoadAsync(_redisplay.Id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, string? section = null, string? after = null)
    {
        var userId = UserId;
        var page = await queries.PageAsync(id, userId, section, after);
        if (page is null) return false;
        Sheet = page;
        if (page.Published is not null) Trail = await trace.SheetAsync(id, HttpContext.RequestAborted);
        if (userId is not null)
        {
            MyAssociations = await memberships.VerifiedAssociationsOfAsync(userId);
            IsFollowing = await followers.IsFollowingAsync(userId, FollowTarget.Sheet, id);
        }
        return true;
    }
}
