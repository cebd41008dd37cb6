using OpenGov.Web.Infrastructure.Errors;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Follows;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure;
using OpenGov.Web.Infrastructure.Web;
using OpenGov.Web.Infrastructure.Caching;
using OpenGov.Web.Infrastructure.Traceability;

namespace OpenGov.Web.Pages.Proposals;

/// <summary>A proposal: its text, author, status along the cycle, supports and comments. Every handler checks who acts.</summary>
[CachedPage("proposals", "cycles", "feedback", "evaluation", "sheets", "plans")]
[EnableRateLimiting(RateLimits.Submit)]
public sealed class DetailsModel(ProposalQueries queries, CycleQueries cycles, ProposalEngagement engagement, ProposalSubmission submission,
    Followers followers, TraceChain trace, UserManager<AppUser> users, IAuthorizationService authorization,
    IStringLocalizer<ProposalsText> text) : PageModel, IRedisplayPage
{
    public ProposalDetail Proposal { get; private set; } = null!;
    public CycleDetail? Cycle { get; private set; }
    public KeysetPage<CommentThread> Comments { get; private set; } = new([], null);
    public bool Supported { get; private set; }
    public bool IsAuthor { get; private set; }
    public bool IsModerator { get; private set; }
    public bool SignedIn { get; private set; }
    public bool Following { get; private set; }
    /// <summary>The idea's published response and where it led; null when the idea is not public.</summary>
    public IdeaTrail? Trail { get; private set; }
    /// <summary>Comments are read on public ideas and on withdrawn or merged ones (read-only there).</summary>
    public bool ShowComments { get; private set; }
    [TempData] public string? Notice { get; set; }

    [BindProperty(SupportsGet = true)] public string? Comments_After { get; set; }

    public sealed class CommentForm
    {
        public Guid? ParentId { get; set; }
        [Required(ErrorMessage = "Common.Required"), StringLength(ProposalComment.MaxLength)]
        public string Body { get; set; } = "";
    }

    [BindProperty] public CommentForm Comment { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSupportAsync(Guid id, CancellationToken ct)
    {
        var actor = await this.CurrentActorAsync(users);
        if (actor is null) return Challenge();
        _redisplay = (id, null);
        Notice = await engagement.SupportAsync(actor.UserId, id, ct) ? text["Notice.Supported"] : text["Notice.AlreadySupported"];
        return Redirect($"/proposals/{id}#support");
    }

    /// <summary>Follow or stop following the proposal (notifications of its publication, comments and feedback).</summary>
    public async Task<IActionResult> OnPostFollowAsync(Guid id, bool follow, CancellationToken ct)
    {
        var actor = await this.CurrentActorAsync(users);
        if (actor is null) return Challenge();
        var proposal = await queries.DetailAsync(id, ct);
        if (proposal is null || !proposal.IsPublic) return NotFound();
        if (follow) await followers.FollowAsync(actor.UserId, FollowTarget.Proposal, id, ct);
        else await followers.UnfollowAsync(actor.UserId, FollowTarget.Proposal, id, ct);
        return Redirect($"/proposals/{id}");
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken ct)
    {
        var actor = await this.CurrentActorAsync(users);
        if (actor is null) return Challenge();
        if (ModelState.IsValid)
        {
            _redisplay = (id, "Comment.Body");
            var commentId = await engagement.CommentAsync(actor, id, Comment.ParentId, Comment.Body, ct);
            Notice = text["Notice.Commented"];
            // Open the page of comments that holds the new one, so that it and its anchor are there.
            var page = await queries.CommentPageCursorAsync(id, commentId, ct);
            return Redirect(page is null ? $"/proposals/{id}#c-{commentId}" : $"/proposals/{id}?comments_after={Uri.EscapeDataString(page)}#c-{commentId}");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, ReportTarget target, Guid targetId, ReportReason reason, CancellationToken ct)
    {
        var actor = await this.CurrentActorAsync(users);
        if (actor is null) return Challenge();
        if (!Enum.IsDefined(reason) || !Enum.IsDefined(target)) return BadRequest();
        if (target == ReportTarget.Proposal && targetId != id) return BadRequest();
        var counted = await engagement.ReportAsync(actor.UserId, target, targetId, reason, ct);
        // The report that reaches the threshold hides the idea: its page is gone, so confirm on a page of its own.
        if (target == ReportTarget.Proposal && await queries.DetailAsync(id, ct) is { IsHidden: true })
            return Redirect("/proposals/reported");
        Notice = counted ? text["Notice.Reported"] : text["Error.AlreadyReported"];
        return Redirect($"/proposals/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, CancellationToken ct)
    {
        var actor = await this.CurrentActorAsync(users);
        if (actor is null) return Challenge();
        var proposal = await queries.DetailAsync(id, ct);
        if (proposal is null) return NotFound();
        if (proposal.AuthorUserId != actor.UserId) return Forbid();
        if (string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError("reason", text["Error.ReasonRequired"]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        _redisplay = (id, "reason");
        await submission.WithdrawAsync(actor, id, reason[..Math.Min(reason.Length, 2000)], ct);
        Notice = text["Notice.Withdrawn"];
        return Redirect($"/proposals/{id}");
    }

    /// <summary>Where a refused form shows its error; no field: a support of an unpublished idea, answered as not found.</summary>
    private (Guid Id, string? Field) _redisplay;

    public async Task<IActionResult> RedisplayAsync()
    {
        if (_redisplay.Field is not { } field) return NotFound();
        foreach (var e in ModelState[string.Empty]?.Errors.ToList() ?? []) ModelState.AddModelError(field, e.ErrorMessage);
        ModelState.Remove(string.Empty);
        return await LoadAsync(_redisplay.Id, HttpContext.RequestAborted) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var proposal = await queries.DetailAsync(id, ct);
        if (proposal is null) return false;
        var actor = await this.CurrentActorAsync(users);
        SignedIn = actor is not null;
        IsAuthor = actor is not null && actor.UserId == proposal.AuthorUserId;
        IsModerator = await this.IsModeratorAsync(authorization);
        // Visitors see published proposals, merged ones (which point to where the idea lives now) and once-published ones
        // their author withdrew (shown as withdrawn, with the reason).
        var visible = proposal.IsPublic || proposal.IsPublicRecord || IsAuthor || IsModerator;
        if (!visible) return false;
        Proposal = proposal;
        Cycle = await cycles.DetailAsync(proposal.CycleId, ct);
        ShowComments = proposal.IsPublic || proposal.IsPublicRecord || IsModerator;
        if (ShowComments)
            Comments = await queries.CommentsAsync(id, Comments_After, ct);
        if (proposal.IsPublic) Trail = await trace.IdeaAsync(id, ct);
        Supported = actor is not null && await queries.SupportsAsync(actor.UserId, id, ct);
        Following = actor is not null && await followers.IsFollowingAsync(actor.UserId, FollowTarget.Proposal, id, ct);
        return true;
    }
}
