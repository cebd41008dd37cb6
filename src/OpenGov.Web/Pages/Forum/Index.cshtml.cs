using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Forum;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Pages.Associations;

namespace OpenGov.Web.Pages.Forum;

public sealed class IndexModel(ForumService forum, AssociationMembership membership) : CommunityPageModel
{
    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];
    public KeysetPage<ThreadRow> Threads { get; private set; } = new([], null);
    public string? Category { get; private set; }
    public bool IsMember { get; private set; }

    public async Task OnGetAsync(string? category, string? cursor, CancellationToken ct)
    {
        Categories = await forum.CategoriesAsync(IsModerator, ct);
        Category = Categories.Any(c => c.Theme.Code == category) ? category : null;
        Threads = await forum.ThreadsAsync(Category, cursor, IsModerator, ct);
        IsMember = UserId is { } me && await membership.IsForumMemberAsync(me, ct);
    }
}
