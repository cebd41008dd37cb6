using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Sheets;

namespace OpenGov.Web.Pages.Sheets;

/// <summary>The public selection of a cycle, with its scores, once an administrator has published it.</summary>
public sealed class SelectionModel(SheetQueries queries, CommitteeEvaluation evaluation) : PageModel
{
    public Ranking? Ranking { get; private set; }

    public async Task OnGetAsync(Guid? cycle)
    {
        var cycles = await queries.CyclesAsync();
        var id = cycle is { } c && cycles.Any(x => x.Id == c) ? c : cycles.Count > 0 ? cycles[0].Id : Guid.Empty;
        if (id == Guid.Empty) return;
        var ranking = await evaluation.RankingAsync(id);
        // Scores stay with the committee until the selection is published.
        Ranking = ranking.SelectionPublishedAt is null ? null : ranking;
    }
}
