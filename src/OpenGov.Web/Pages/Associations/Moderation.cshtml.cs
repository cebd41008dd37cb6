using Microsoft.AspNetCore.Authorization;
using OpenGov.Consultation.Associations;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Associations;

[Authorize(Policy = Policies.Moderator)]
public sealed class ModerationModel(AssociationDirectory directory) : CommunityPageModel
{
    public IReadOnlyList<PendingAssociation> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Pending = await directory.PendingVerificationAsync(ct);
}
