using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Jobs;
using OpenGov.SharedKernel.Links;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Consultation.Meetings;

/// <summary>
/// Daily: tells the owner of each open decision of published minutes whose due date has passed, once. A decision becomes
/// overdue by the clock, so a job (not a click) sends it; the mail's DedupKey (decision and due date) makes a re-run, a second
/// instance or the next days send nothing more.
/// </summary>
public sealed class DecisionOverdueJob(DbContext db, IOutbox outbox, SiteLinks links) : IRecurringJob
{
    public const string JobName = "meeting-decisions-overdue";

    public string Name => JobName;

    public string PeriodOf(DateTime utcNow) => Periods.Day(utcNow);

    public async Task RunAsync(DateTime utcNow, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(utcNow);
        var overdue = await db.Set<Decision>()
            .Where(d => d.Status == DecisionStatus.Open && d.DueOn < today && (d.OwnerUserId != null || d.OwnerEmail != null))
            .Join(db.Set<Meeting>().Where(m => m.Status == MinutesStatus.Published), d => d.MeetingId, m => m.Id, (d, m) => new { Decision = d, m.Title, m.HeldOn })
            .AsNoTracking().ToListAsync(ct);
        await outbox.EnqueueNewAsync(overdue.Select(x => DecisionMails.Overdue(x.Decision, x.Title, x.HeldOn, links)).OfType<OutgoingMail>().ToList(), ct);
        await db.SaveChangesAsync(ct);
    }
}
