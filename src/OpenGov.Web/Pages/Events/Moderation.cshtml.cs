using OpenGov.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Events;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Events;

/// <summary>Moderators accept or reject (with a reason sent to the submitter) the Open Gov Week submissions.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class ModerationModel(OpenGovWeekSubmissions submissions, UserManager<AppUser> users, IStringLocalizer<EventsText> text) : PageModel, IRedisplayPage
{
    public IReadOnlyList<PendingSubmission> Pending { get; private set; } = [];
    public string? Message { get; private set; }
    [BindProperty] public string? Reason { get; set; }
    public Guid? FailedId { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Message = done switch { "accepted" => text["Moderation.Accepted"].Value, "rejected" => text["Moderation.Rejected"].Value, _ => null };
        Pending = await submissions.PendingAsync(ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct)
    {
        FailedId = id;
        await submissions.AcceptAsync(id, users.GetUserId(User)!, ct);
        return RedirectToPage(new { done = "accepted" });
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 2000) return await FailAsync(id, "Error.ReasonRequired", ct);
        FailedId = id;
        await submissions.RejectAsync(id, users.GetUserId(User)!, Reason, ct);
        return RedirectToPage(new { done = "rejected" });
    }

    /// <summary>A refused decision is shown beside its submission (FailedId, set before the call).</summary>
    public async Task<IActionResult> RedisplayAsync()
    {
        foreach (var e in ModelState[string.Empty]?.Errors.ToList() ?? []) ModelState.AddModelError(nameof(Reason), e.ErrorMessage);
        Pending = await submissions.PendingAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task<IActionResult> FailAsync(Guid id, string key, CancellationToken ct)
    {
        FailedId = id;
        ModelState.AddModelError(nameof(Reason), text[key]);
        Pending = await submissions.PendingAsync(ct);
        return Page();
    }
}
