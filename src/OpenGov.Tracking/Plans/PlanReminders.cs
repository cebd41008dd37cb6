using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Jobs;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Tracking.Plans;

/// <summary>What the host knows about users that the module does not: their id from an e-mail (to assign project leads,
/// and to mail a focal point who has an account as that account).</summary>
public interface ILeadDirectory
{
    Task<string?> FindIdByEmailAsync(string email, CancellationToken ct);

    /// <summary>The account ids of those e-mails that belong to an account (keys compare ignoring case).</summary>
    Task<Dictionary<string, string>> FindIdsByEmailsAsync(IReadOnlyCollection<string> emails, CancellationToken ct);
}

/// <summary>
/// The recurring reminder (weekly by default): each person answering for commitments of a published plan (project leads
/// and focal points, see <see cref="CommitmentRecipients"/>) receives one e-mail per period listing their late activities
/// (planned end passed, not complete) and their commitments with no update for <see cref="TrackingOptions.StaleAfterDays"/>
/// days (a commitment never updated counts from its creation). Idempotent per period twice over: the job scheduler claims
/// the period once across instances, and the outbox's unique DedupKey (recipient + period) refuses a second mail.
/// </summary>
public sealed class PlanReminders(DbContext db, IOutbox outbox, TimeProvider clock, IOptions<TrackingOptions> options, SiteLinks links,
    CommitmentRecipients recipients) : IRecurringJob
{
    public const string Category = "plan.reminder";
    public const string Template = "PlanText:Mail.Reminder";

    public string Name => "plan-reminders";

    public string PeriodOf(DateTime utcNow) => Periods.EveryDays(utcNow, options.Value.ReminderIntervalDays);

    public static string DedupKeyFor(string recipientKey, string period) => $"{Category}:{recipientKey}:{period}";

    Task IRecurringJob.RunAsync(DateTime utcNow, CancellationToken ct) => RunAsync(ct);

    /// <summary>Enqueues this period's reminders; returns how many were newly enqueued.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var staleBefore = now.AddDays(-o.StaleAfterDays);
        var period = PeriodOf(now);

        var commitments = await db.Set<Commitment>().AsNoTracking()
            .Where(c => db.Set<Plan>().Any(p => p.Id == c.PlanId && p.Status == PlanStatus.Published))
            .Select(c => new { c.Id, c.Number, c.Title, Since = c.LastUpdatedAt ?? c.CreatedAt })
            .ToListAsync(ct);
        if (commitments.Count == 0) return 0;
        var commitmentIds = commitments.Select(r => r.Id).ToList();
        var late = (await db.Set<Activity>().AsNoTracking()
            .Where(a => commitmentIds.Contains(a.CommitmentId) && !a.IsCancelled && a.PlannedEnd != null && a.PlannedEnd < today)
            .OrderBy(a => a.PlannedEnd)
            .Select(a => new { a.CommitmentId, a.Title, a.PlannedEnd, a.Percent, a.IsCancelled })
            .ToListAsync(ct)).Where(a => Progress.IsLate(a.PlannedEnd, a.Percent, a.IsCancelled, today)).ToList();
        var lateBy = late.ToLookup(a => a.CommitmentId);
        var whom = await recipients.ForAsync(commitmentIds, ct);

        var byRecipient = commitments.SelectMany(c => whom[c.Id].Select(r => (Recipient: r, Commitment: c)))
            .GroupBy(x => x.Recipient.Key).ToList();
        var keys = byRecipient.Select(g => DedupKeyFor(g.Key, period)).ToList();
        var alreadySent = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DedupKey != null && keys.Contains(m.DedupKey))
            .Select(m => m.DedupKey!).ToListAsync(ct)).ToHashSet();

        var sent = 0;
        foreach (var group in byRecipient)
        {
            var key = DedupKeyFor(group.Key, period);
            if (alreadySent.Contains(key)) continue;
            var mine = group.Select(x => x.Commitment).OrderBy(c => c.Number).ToList();
            var lateLines = mine.SelectMany(c => lateBy[c.Id].Select(a =>
                string.Create(CultureInfo.InvariantCulture, $"- {c.Number}. {a.Title} ({a.PlannedEnd:yyyy-MM-dd}, {a.Percent:0.#} %)"))).ToList();
            // Days since the last update, or since the commitment was created when it was never updated.
            var staleLines = mine.Where(c => c.Since < staleBefore)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"- {c.Number}. {c.Title} ({(int)(now - c.Since).TotalDays})")).ToList();
            if (lateLines.Count == 0 && staleLines.Count == 0) continue;

            outbox.Enqueue(group.First().Recipient.Mail(Category, Template, new Dictionary<string, string>
            {
                ["commitments"] = string.Join('\n', mine.Select(c => $"- {c.Number}. {c.Title}")),
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
                // Another run enqueued this recipient's reminder for the period first: the unique DedupKey refused ours.
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }
}
