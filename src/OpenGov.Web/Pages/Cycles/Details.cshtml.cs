using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.Web.Pages.Cycles;

/// <summary>A cycle: timeline, current phase, what participants can do now, the public trail of phase changes, live figures.</summary>
public sealed class DetailsModel(CycleQueries cycles, CycleOverview overview, ProposalQueries proposals, FeedbackAnswers feedback) : PageModel
{
    public CycleDetail Cycle { get; private set; } = null!;
    public CycleFigures Figures { get; private set; } = null!;
    public KeysetPage<ProposalCard> Latest { get; private set; } = new([], null);
    /// <summary>"N of M ideas answered": published reasoned responses only.</summary>
    public FeedbackCoverageResult Coverage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var cycle = await cycles.DetailAsync(id, ct);
        // A draft is previewed by administrators only.
        if (cycle is null || (!cycle.IsPublished && !User.IsInRole(OpenGov.Web.Identity.Roles.Administrator))) return NotFound();
        Cycle = cycle;
        Figures = await overview.FiguresAsync(id, ct);
        Coverage = await feedback.CoverageAsync(id, ct);
        Latest = await proposals.ListAsync(new ProposalListQuery(id, null, null, null, null, null, ProposalSort.MostSupported, null, 3), ct);
        return Page();
    }
}
