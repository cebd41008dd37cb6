using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Meetings;
using OpenGov.Consultation.Sheets;

namespace OpenGov.Consultation.Standards;

/// <summary>The OGP standards checklist of a cycle: gathers the platform's records, then <see cref="StandardsEvaluation"/> decides.</summary>
public sealed class CycleStandards(DbContext db, FeedbackAnswers feedback, IPlanFactsSource plans, IOptions<StandardsOptions> options, TimeProvider clock)
{
    public async Task<StandardsChecklist?> CheckAsync(Guid cycleId, CancellationToken ct = default)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().Include(c => c.Phases).FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var phases = cycle.Phases.Select(p => new PhaseFact(p.Kind, p.StartsAt, p.EndsAt, p.ScheduledAt ?? cycle.CreatedAt)).ToList();

        List<MeetingFact> meetings = [];
        if (phases.Count > 0)
        {
            var from = DateOnly.FromDateTime(phases.Min(p => p.StartsAt));
            var to = DateOnly.FromDateTime(phases.Max(p => p.EndsAt));
            meetings = await db.Set<Meeting>().AsNoTracking()
                .Where(m => m.Committee == CommitteeKind.Steering && m.Status == MinutesStatus.Published && m.HeldOn >= from && m.HeldOn <= to)
                .OrderBy(m => m.HeldOn).Select(m => new MeetingFact(m.Id, m.Title, m.HeldOn)).ToListAsync(ct);
        }

        // Seats as they stand on the last day of the co-creation (today while it runs).
        var reference = DateOnly.FromDateTime(phases.Count > 0 && phases.Max(p => p.EndsAt) < now ? phases.Max(p => p.EndsAt).AddDays(-1) : now);
        var steering = await db.Set<Committee>().AsNoTracking().AsSplitQuery().Include(c => c.Seats).Include(c => c.Mandates)
            .FirstOrDefaultAsync(c => c.Kind == CommitteeKind.Steering, ct);
        var forum = steering is null ? null : new ForumFact(
            steering.Seats.Count(s => s.Kind == SeatKind.Government),
            steering.Seats.Count(s => s.Kind == SeatKind.CivilSociety),
            steering.Seats.Count(s => s.Kind == SeatKind.CivilSociety && steering.CurrentMandate(s.Id, reference) is not null));

        var windows = await db.Set<Sheet>().AsNoTracking()
            .Where(s => s.CycleId == cycleId && s.CurrentVersion > 0 && s.FirstPublishedAt != null && s.ConsultationOpensAt != null && s.ConsultationClosesAt != null)
            .OrderBy(s => s.ConsultationOpensAt)
            .Select(s => new WindowFact(s.Id, s.PublishedTitle ?? s.Title, s.ConsultationOpensAt!.Value, s.ConsultationClosesAt!.Value, s.FirstPublishedAt!.Value))
            .ToListAsync(ct);
        var coverage = await feedback.CoverageAsync(cycleId, ct);
        var plan = await plans.ForCycleAsync(cycleId, ct);

        var facts = new CoCreationFacts(cycle.Id, cycle.Title, phases, meetings, forum, windows, coverage.Total, coverage.Answered, windows.Count, plan);
        return new StandardsChecklist(cycle.Id, cycle.Title, now, StandardsEvaluation.Evaluate(facts, options.Value, now));
    }
}
