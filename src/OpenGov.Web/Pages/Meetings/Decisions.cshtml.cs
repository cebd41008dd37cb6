using Microsoft.AspNetCore.Mvc;
using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Meetings;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Pages.Associations;

namespace OpenGov.Web.Pages.Meetings;

/// <summary>Follow-up of the decisions of published meetings: open ones by default (overdue ones, due before today by the
/// injected clock, stand out), and the history (done, dropped) filtered by status, committee and owner, keyset-paged.
/// Progress is recorded by committee secretaries, or by the owner when the owner is a person with an account.</summary>
public sealed class DecisionsModel(MeetingService meetings) : CommunityPageModel
{
    public DecisionFilter Status { get; private set; } = DecisionFilter.Open;
    public CommitteeKind? Committee { get; private set; }
    public string? Owner { get; private set; }

    public KeysetPage<DecisionRow> Decisions { get; private set; } = new([], null);
    public DecisionCounts Counts { get; private set; } = new(0, 0);
    public IReadOnlyList<string> Owners { get; private set; } = [];
    public bool IsFiltered => Committee is not null || !string.IsNullOrWhiteSpace(Owner);

    public bool CanUpdate(DecisionRow d) => UserId is { } me && (IsAdministrator || d.OwnerUserId == me);

    /// <summary>This view's address (without the cursor, or with the next one).</summary>
    public string ViewUrl(string? cursor = null)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (Status != DecisionFilter.Open) query.Add(new("status", Status.ToString()));
        if (Committee is { } k) query.Add(new("committee", k.ToString()));
        if (!string.IsNullOrWhiteSpace(Owner)) query.Add(new("owner", Owner));
        if (cursor is not null) query.Add(new("cursor", cursor));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/meetings/decisions", query);
    }

    public async Task OnGetAsync(DecisionFilter? status, CommitteeKind? committee, string? owner, string? cursor, CancellationToken ct)
    {
        Select(status, committee, owner);
        await LoadAsync(cursor, ct);
    }

    /// <summary>The view the form was posted from comes back as view/viewCommittee/viewOwner (its own "status" is the new status).</summary>
    public Task<IActionResult> OnPostProgressAsync(Guid decisionId, DecisionStatus status, string? note,
        DecisionFilter? view, CommitteeKind? viewCommittee, string? viewOwner, CancellationToken ct)
    {
        Select(view, viewCommittee, viewOwner);
        return AttemptAsync(Need.SignedIn, async () =>
        {
            await meetings.RecordProgressAsync(RequiredUserId, IsAdministrator, decisionId, status, note, ct);
            return Redirect(ViewUrl());
        }, async () => { await LoadAsync(null, ct); return Page(); });
    }

    /// <summary>An unknown value in the address reads as "no filter" rather than an error.</summary>
    private void Select(DecisionFilter? status, CommitteeKind? committee, string? owner)
    {
        Status = status is { } s && Enum.IsDefined(s) ? s : DecisionFilter.Open;
        Committee = committee is { } k && Enum.IsDefined(k) ? k : null;
        Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim();
    }

    private async Task LoadAsync(string? cursor, CancellationToken ct)
    {
        Decisions = await meetings.DecisionsAsync(new DecisionQuery(Status, Committee, Owner, cursor), ct);
        Counts = await meetings.DecisionCountsAsync(ct);
        Owners = await meetings.DecisionOwnersAsync(ct);
    }
}
