using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Associations;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Associations;

/// <summary>The association page: public profile, membership requests (decided by a representative) and verification (by a moderator).</summary>
[EnableRateLimiting(RateLimits.Submit)]
public sealed class DetailsModel(AssociationDirectory directory, AssociationRegister register, CommunityThemes themes) : CommunityPageModel
{
    public AssociationDetails Association { get; private set; } = null!;
    public IReadOnlyList<ThemeOption> Themes { get; private set; } = [];
    public ThemeLabels ThemeLabels { get; private set; } = new(new Dictionary<string, ThemeOption>());
    public bool IsRepresentative => Association.Me is { Role: MemberRole.Representative, Status: MembershipStatus.Approved };
    [BindProperty] public string? RejectionReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var details = await directory.GetAsync(id, UserId, IsModerator, ct);
        if (details is null) return false;
        Association = details;
        Themes = await themes.CurrentAsync(ct);
        ThemeLabels = await themes.LabelsAsync(ct);
        return true;
    }

    private Task<IActionResult> Redisplay(Guid id, CancellationToken ct) => LoadAsync(id, ct).ContinueWith(t => t.Result ? (IActionResult)Page() : NotFound(), ct);

    public Task<IActionResult> OnPostJoinAsync(Guid id, CancellationToken ct) => AttemptAsync(Need.SignedIn, async () =>
    {
        await register.RequestMembershipAsync(RequiredUserId, id, AbsoluteUrl($"/associations/{id}"), ct);
        TempData["Flash"] = "Details.JoinRequested";
        return Redirect($"/associations/{id}");
    }, () => Redisplay(id, ct));

    /// <summary>Approve or reject a membership request; the register refuses anyone but a representative (403).</summary>
    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid memberId, bool approve, CancellationToken ct) => AttemptAsync(Need.SignedIn, async () =>
    {
        await register.DecideMembershipAsync(RequiredUserId, id, memberId, approve, AbsoluteUrl($"/associations/{id}"), ct);
        TempData["Flash"] = approve ? "Details.Approved" : "Details.Rejected";
        return Redirect($"/associations/{id}");
    }, () => Redisplay(id, ct));

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct) => AttemptAsync(Need.Moderator, async () =>
    {
        await register.VerifyAsync(RequiredUserId, id, AbsoluteUrl($"/associations/{id}"), ct);
        TempData["Flash"] = "Details.Verified";
        return Redirect($"/associations/{id}");
    }, () => Redisplay(id, ct));

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => AttemptAsync(Need.Moderator, async () =>
    {
        await register.RejectAsync(RequiredUserId, id, RejectionReason ?? "", AbsoluteUrl($"/associations/{id}"), ct);
        TempData["Flash"] = "Details.RejectedAssociation";
        return Redirect($"/associations/{id}");
    }, () => Redisplay(id, ct), nameof(RejectionReason));
}
