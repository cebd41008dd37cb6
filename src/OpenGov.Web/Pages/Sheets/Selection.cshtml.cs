using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Cycles;
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
        var id = cycle is { } c && cycles.Any(x => x.Id == c) ? c : await queries.DefaultCycleAsync();
        if (id is not { } cycleId) return;
        var ranking = await evaluation.RankingAsync(cycleId);
        // Scores stay with the committee until the selection is published.
        Ranking = ranking.SelectionPublishedAt is null ? null : ranking;
    }
}
