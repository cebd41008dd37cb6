using Microsoft.AspNetCore.Mvc;
using OpenGov.Consultation.Meetings;
using OpenGov.Web.Pages.Associations;

namespace OpenGov.Web.Pages.Meetings;

public sealed class DetailsModel(MeetingService meetings) : CommunityPageModel
{
    public MeetingView Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var m = await meetings.GetAsync(id, IsAdministrator, ct);
        if (m is null) return NotFound();
        Meeting = m;
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, bool publish, CancellationToken ct) => AttemptAsync(Need.Administrator, async () =>
    {
        await meetings.SetPublishedAsync(RequiredUserId, id, publish, ct);
        return Redirect($"/meetings/{id}");
    }, () => OnGetAsync(id, ct));
}
