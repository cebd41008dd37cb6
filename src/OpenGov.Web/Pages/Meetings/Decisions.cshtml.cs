using Microsoft.AspNetCore.Mvc;
using OpenGov.Consultation.Meetings;
using OpenGov.Web.Pages.Associations;

namespace OpenGov.Web.Pages.Meetings;

/// <summary>Follow-up of open decisions across published meetings. Overdue ones (due before today, by the injected clock) stand out.
/// Progress is recorded by committee secretaries, or by the owner when the owner is a person with an account.</summary>
public sealed class DecisionsModel(MeetingService meetings) : CommunityPageModel
{
    public IReadOnlyList<DecisionRow> Open { get; private set; } = [];
    public int OverdueCount => Open.Count(d => d.IsOverdue);

    public bool CanUpdate(DecisionRow d) => UserId is { } me && (IsAdministrator || d.OwnerUserId == me);

    public async Task OnGetAsync(CancellationToken ct) => Open = await meetings.OpenDecisionsAsync(ct);

    public Task<IActionResult> OnPostProgressAsync(Guid decisionId, DecisionStatus status, string? note, CancellationToken ct) => AttemptAsync(Need.SignedIn, async () =>
    {
        await meetings.RecordProgressAsync(RequiredUserId, IsAdministrator, decisionId, status, note, ct);
        return Redirect("/meetings/decisions");
    }, async () => { await OnGetAsync(ct); return Page(); });
}
