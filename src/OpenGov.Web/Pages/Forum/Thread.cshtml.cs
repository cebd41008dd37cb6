using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Forum;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Infrastructure.Web;
using OpenGov.Web.Pages.Associations;

namespace OpenGov.Web.Pages.Forum;

/// <summary>A thread and its replies (keyset pages of <see cref="ForumService.ReplyPageSize"/>), with reply, follow, report and moderation.</summary>
[EnableRateLimiting(RateLimits.Submit)]
public sealed class ThreadModel(ForumService forum, AssociationMembership membership, CommunityThemes themes) : CommunityPageModel
{
    public ThreadView Thread { get; private set; } = null!;
    public KeysetPage<ReplyRow> Replies { get; private set; } = new([], null);
    public string CategoryName { get; private set; } = "";
    public bool IsMember { get; private set; }
    public bool IsSubscribed { get; private set; }
    public int After { get; private set; }
    [BindProperty, Required, StringLength(20000, MinimumLength = 2)] public string? ReplyBody { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int after, CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(id, after, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, int after, CancellationToken ct)
    {
        var thread = await forum.ThreadAsync(id, IsModerator, ct);
        if (thread is null) return false;
        Thread = thread;
        After = Math.Max(0, after);
        Replies = await forum.RepliesAsync(id, After, IsModerator, ct);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        CategoryName = (await themes.CurrentAsync(ct)).FirstOrDefault(t => t.Code == thread.Category)?.Name(culture) ?? thread.Category;
        if (UserId is { } me)
        {
            IsMember = await membership.IsForumMemberAsync(me, ct);
            IsSubscribed = await forum.IsSubscribedAsync(id, me, ct);
        }
        return true;
    }

    private async Task<IActionResult> Redisplay(Guid id, CancellationToken ct) => await LoadAsync(id, 0, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct)
    {
        if (Deny(Need.SignedIn) is { } denied) return denied;
        if (!ModelState.IsValid) return await Redisplay(id, ct);
        return await AttemptAsync(Need.SignedIn, async () =>
        {
            var reply = await forum.ReplyAsync(RequiredUserId, id, ReplyBody!, AbsoluteUrl($"/forum/threads/{id}"), ct);
            var pageStart = (reply.Number - 1) / ForumService.ReplyPageSize * ForumService.ReplyPageSize;
            return Redirect($"/forum/threads/{id}?after={pageStart}#reply-{reply.Number}");
        }, () => Redisplay(id, ct), nameof(ReplyBody));
    }

    public Task<IActionResult> OnPostSubscribeAsync(Guid id, bool subscribe, CancellationToken ct) => AttemptAsync(Need.SignedIn, async () =>
    {
        await forum.SubscribeAsync(RequiredUserId, id, subscribe, ct);
        return Redirect($"/forum/threads/{id}");
    }, () => Redisplay(id, ct));

    public Task<IActionResult> OnPostReportAsync(Guid id, ForumTarget target, Guid targetId, CancellationToken ct) => AttemptAsync(Need.SignedIn, async () =>
    {
        var first = await forum.ReportAsync(RequiredUserId, target, targetId, null, ct);
        TempData["Flash"] = first ? "Forum.Reported" : "Forum.AlreadyReported";
        return Redirect($"/forum/threads/{id}");
    }, () => Redisplay(id, ct));

    public Task<IActionResult> OnPostModerateAsync(Guid id, ForumTarget target, Guid targetId, ForumModeration action, CancellationToken ct) => AttemptAsync(Need.Moderator, async () =>
    {
        var threadId = await forum.ModerateAsync(RequiredUserId, target, targetId, action, ct);
        return Redirect($"/forum/threads/{threadId}");
    }, () => Redisplay(id, ct));
}
