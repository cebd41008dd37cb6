using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Reports;

namespace OpenGov.Consultation.Events;

/// <summary>
/// The cycle's events for the synthesis report: published events tied to the cycle, or untied ones held during its phases,
/// and their confirmed registrations.
/// </summary>
public sealed class EventsParticipation(DbContext db) : IParticipationSource
{
    public async Task<IReadOnlyList<ParticipationFigure>> FiguresAsync(Guid cycleId, CancellationToken ct)
    {
        var span = await db.Set<CyclePhase>().Where(p => p.CycleId == cycleId)
            .GroupBy(p => p.CycleId).Select(g => new { From = g.Min(p => p.StartsAt), To = g.Max(p => p.EndsAt) }).FirstOrDefaultAsync(ct);
        var published = db.Set<Event>().Where(e => e.Status == EventStatus.Published);
        var events = span is null
            ? published.Where(e => e.CycleId == cycleId)
            : published.Where(e => e.CycleId == cycleId || (e.CycleId == null && e.StartsAt >= span.From && e.StartsAt < span.To));
        var registrations = db.Set<EventRegistration>().Where(r => r.Status == RegistrationStatus.Confirmed && events.Any(e => e.Id == r.EventId));
        return
        [
            new("events", await events.CountAsync(ct)),
            new("eventRegistrations", await registrations.CountAsync(ct)),
        ];
    }
}
