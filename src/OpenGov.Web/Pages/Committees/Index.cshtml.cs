using OpenGov.Consultation.Committees;
using OpenGov.Web.Pages.Associations;

namespace OpenGov.Web.Pages.Committees;

public sealed class IndexModel(CommitteeService committees) : CommunityPageModel
{
    public IReadOnlyList<CommitteeView> Committees { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Committees = await committees.AllAsync(ct);
}
