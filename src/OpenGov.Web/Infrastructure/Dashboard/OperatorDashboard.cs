using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Jobs;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Web.Infrastructure.Dashboard;

/// <summary>
/// The operator's dashboard at /admin, composed from each module's own queries (no DbContext here): a cycle's participation
/// (over time, by region, submitter type and axis) and response coverage, the moderation backlog, the outbox and the jobs.
/// </summary>
public sealed class OperatorDashboard(CycleQueries cycles, CurrentCycle current, CycleOverview overview, FeedbackAnswers feedback,
    ProposalModeration moderation, OutboxAdministration outbox, JobRunQueries jobs)
{
    /// <summary>The figures of <paramref name="cycleId"/>, or of the current cycle when it is null or unknown.</summary>
    public async Task<OperatorFigures> LoadAsync(Guid? cycleId, CancellationToken ct = default)
    {
        var options = await cycles.OptionsAsync(ct);
        var id = cycleId is { } asked && options.Any(c => c.Id == asked) ? asked : await current.IdAsync(ct);
        var cycle = id is { } cid ? await cycles.DetailAsync(cid, ct) : null;
        return new OperatorFigures(options, cycle,
            cycle is null ? null : await overview.FiguresAsync(cycle.Id, ct),
            cycle is null ? [] : await overview.PublishedPerWeekAsync(cycle.Id, ct),
            cycle is null ? null : await feedback.CoverageAsync(cycle.Id, ct),
            await moderation.BacklogAsync(ct), await outbox.HealthAsync(ct), await jobs.LatestRunsAsync(ct));
    }
}
