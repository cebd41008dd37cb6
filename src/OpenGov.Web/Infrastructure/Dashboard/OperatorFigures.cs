using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Jobs;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Web.Infrastructure.Dashboard;

/// <summary>Everything the operator's dashboard shows; <see cref="Cycle"/> is null when no cycle exists yet.</summary>
public sealed record OperatorFigures(IReadOnlyList<CycleSummary> Cycles, CycleDetail? Cycle, CycleFigures? Figures, IReadOnlyList<WeekCount> PerWeek,
    FeedbackCoverageResult? Coverage, ModerationBacklog Moderation, OutboxHealth Outbox, IReadOnlyList<JobHealth> Jobs);
