using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Jobs;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Tracking.Plans;

/// <summary>What the host knows about users that the module does not: their id from an e-mail (to assign project leads).</summary>
public interface ILeadDirectory
{
    Task<string?> FindIdByEmailAsync(string email, CancellationToken ct);
}

/// <summary>
/// The recurring reminder (weekly by default): each project lead of a published plan receives one e-mail per period
/// listing their late activities (planned end passed, not complete) and their commitments with no update for
/// <see cref="TrackingOptions.StaleAfterDays"/> days. Idempotent per period twice over: the job scheduler claims the period
/// once across instances, and the outbox's unique DedupKey (lead + period) refuses a second mail even if run by hand.
/// </summary>
public sealed class PlanReminders(DbContext db, IOutbox outbox, TimeProvider clock, IOptions<TrackingOptions> options, SiteLinks links) : IRecurringJob
{
    public const string Category = "plan.reminder";
    public const string Template = "PlanText:Mail.Reminder";

    public string Name => "plan-reminders";

    public string PeriodOf(DateTime utcNow) => Periods.EveryDays(utcNow, options.Value.ReminderIntervalDays);

    public static string DedupKeyFor(string userId, string period) => $"{Category}:{userId}:{period}";

    Task IRecurringJob.RunAsync(DateTime utcNow, CancellationToken ct) => RunAsync(ct);

    /// <summary>Enqueues this period's reminders; returns how many were newly enqueued.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var staleBefore = now.AddDays(-o.StaleAfterDays);
        var period = PeriodOf(now);

        var rows = await db.Set<CommitmentLead>().AsNoTracking()
            .Join(db.Set<Commitment>(), l => l.CommitmentId, c => c.Id, (l, c) => new { l.UserId, c.Id, c.PlanId, c.Number, c.Title, c.LastUpdatedAt, c.CreatedAt })
            .Where(x => db.Set<Plan>().Any(p => p.Id == x.PlanId && p.Status == PlanStatus.Published))
            .ToListAsync(ct);
        if (rows.Count == 0) return 0;
        var commitmentIds = rows.Select(r => r.Id).Distinct().ToList();
        var late = await db.Set<Activity>().AsNoTracking()
            .Where(a => commitmentIds.Contains(a.CommitmentId) && !a.IsCancelled && a.PlannedEnd != null && a.PlannedEnd < today && a.Percent < 90)
            .OrderBy(a => a.PlannedEnd)
            .Select(a => new { a.CommitmentId, a.Title, a.PlannedEnd, a.Percent })
            .ToListAsync(ct);
        var lateBy = late.ToLookup(a => a.CommitmentId);

        var byLead = rows.GroupBy(r => r.UserId).ToList();
        var keys = byLead.Select(g => DedupKeyFor(g.Key, period)).ToList();
        var alreadySent = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DedupKey != null && keys.Contains(m.DedupKey))
            .Select(m => m.DedupKey!).ToListAsync(ct)).ToHashSet();

        var sent = 0;
        foreach (var lead in byLead)
        {
            var key = DedupKeyFor(lead.Key, period);
            if (alreadySent.Contains(key)) continue;
            var lateLines = lead.OrderBy(c => c.Number).SelectMany(c => lateBy[c.Id].Select(a =>
                string.Create(CultureInfo.InvariantCulture, $"- {c.Number}. {a.Title} ({a.PlannedEnd:yyyy-MM-dd}, {a.Percent:0.#} %)"))).ToList();
            var staleLines = lead.Where(c => (c.LastUpdatedAt ?? c.CreatedAt) < staleBefore).OrderBy(c => c.Number)
                .Select(c => $"- {c.Number}. {c.Title}").ToList();
            if (lateLines.Count == 0 && staleLines.Count == 0) continue;

            outbox.Enqueue(OutgoingMail.FromTemplate(Category, lead.Key, Template, new Dictionary<string, string>
            {
                ["late"] = lateLines.Count > 0 ? string.Join('\n', lateLines) : "—",
                ["stale"] = staleLines.Count > 0 ? string.Join('\n', staleLines) : "—",
                ["days"] = o.StaleAfterDays.ToString(CultureInfo.InvariantCulture),
                ["url"] = links.To("/plan/manage"),
            }, key));
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another run enqueued this lead's reminder for the period first: the unique DedupKey refused ours.
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }
}
