using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.Web.Pages.Feedback;

/// <summary>The public feedback page: every published idea of a cycle with its published reasoned response.</summary>
public sealed class IndexModel(CycleQueries cycles, FeedbackAnswers answers) : PageModel
{
    public CycleHeader Cycle { get; private set; } = null!;
    public FeedbackCoverageResult Coverage { get; private set; } = new(0, 0);
    public KeysetPage<FeedbackRow> Results { get; private set; } = new([], null);

    [BindProperty(SupportsGet = true)] public FeedbackFilterInput Filter { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var cycle = await CycleHeader.LoadAsync(cycles, id, ct);
        if (cycle is null) return NotFound();
        Cycle = cycle;
        Coverage = await answers.CoverageAsync(id, ct);
        Results = await answers.ListAsync(id, Filter.ToFilter(), Cursor, publicOnly: true, ct);
        return Page();
    }
}
