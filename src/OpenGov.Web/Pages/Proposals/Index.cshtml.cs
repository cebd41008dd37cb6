using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Infrastructure.Caching;

namespace OpenGov.Web.Pages.Proposals;

/// <summary>The public list: filters, sorts, full-text search and keyset pages (an opaque cursor in <see cref="After"/>).</summary>
[CachedPage("proposals", "cycles", "feedback", "search")]
public sealed class IndexModel(ProposalQueries proposals, CycleQueries cycles) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Cycle { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Axis { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public SubmitterType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ProposalStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ProposalSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public KeysetPage<ProposalCard> Results { get; private set; } = new([], null);
    public IReadOnlyList<CycleSummary> Cycles { get; private set; } = [];
    public IReadOnlyDictionary<Guid, AxisView> Axes { get; private set; } = new Dictionary<Guid, AxisView>();
    public IReadOnlyList<(Guid CycleId, AxisView Axis)> AxisOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Region is not null && !OpenGov.SharedKernel.Regions.IsValid(Region)) Region = null;
        if (Q?.Length > 200) Q = Q[..200];
        Results = await proposals.ListAsync(new ProposalListQuery(Cycle, Axis, Region, Type, Status, Q, Sort, After), ct);
        Cycles = await cycles.OptionsAsync(ct);
        AxisOptions = await cycles.AllAxesAsync(ct);
        Axes = AxisOptions.ToDictionary(a => a.Axis.Id, a => a.Axis);
    }

    /// <summary>The query string of the next page: the same filters with the cursor.</summary>
    public Dictionary<string, string?> RouteFor(string? after) => new()
    {
        ["cycle"] = Cycle?.ToString(), ["axis"] = Axis?.ToString(), ["region"] = Region, ["type"] = Type?.ToString(),
        ["status"] = Status?.ToString(), ["sort"] = Sort == ProposalSort.Newest ? null : Sort.ToString(), ["q"] = Q, ["after"] = after,
    };
}
