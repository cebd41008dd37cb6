using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Meetings;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Pages.Associations;

namespace OpenGov.Web.Pages.Meetings;

/// <summary>Published records of conclusions; committee secretaries (administrators) also see drafts.</summary>
public sealed class IndexModel(MeetingService meetings) : CommunityPageModel
{
    public KeysetPage<MeetingRow> Meetings { get; private set; } = new([], null);
    public CommitteeKind? Committee { get; private set; }

    public async Task OnGetAsync(CommitteeKind? committee, string? cursor, CancellationToken ct)
    {
        Committee = committee;
        Meetings = await meetings.ListAsync(IsAdministrator, committee, cursor, ct);
    }
}
