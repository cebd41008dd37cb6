using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.SharedKernel.Search;
using OpenGov.Web.Infrastructure.Caching;

namespace OpenGov.Web.Pages.Search;

/// <summary>One box across every public document of the site, results grouped by kind, best first, with highlighted snippets.</summary>
[CachedPage("search")]
public sealed class IndexModel(ISearchIndex index) : PageModel
{
    /// <summary>The order of the groups on the page.</summary>
    public static readonly string[] KindOrder =
        [SearchKinds.Proposal, SearchKinds.Sheet, SearchKinds.Commitment, SearchKinds.ForumThread, SearchKinds.Meeting,
         SearchKinds.Event, SearchKinds.News, SearchKinds.Page];

    public string Query { get; private set; } = "";
    public string? Kind { get; private set; }
    public IReadOnlyList<IGrouping<string, SearchHit>> Groups { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(string? q, string? kind, CancellationToken ct)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > 200) Query = Query[..200];
        Kind = KindOrder.Contains(kind) ? kind : null;
        if (Query.Length == 0) return;
        var hits = await index.SearchAsync(Query, Kind, Kind is null ? 50 : 200, ct);
        Total = hits.Count;
        Groups = hits.GroupBy(h => h.Kind).OrderBy(g => Array.IndexOf(KindOrder, g.Key) is var i && i < 0 ? int.MaxValue : i).ToList();
    }
}
