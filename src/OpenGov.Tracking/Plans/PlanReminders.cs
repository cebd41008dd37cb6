using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Tracking.Plans;

/// <summary>What the host knows about users that the module does not: e-mail and preferred language, looked up by id (and by e-mail).</summary>
public interface ILeadDirectory
{
    Task<IReadOnlyDictionary<string, LeadContact>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken ct);
    Task<string?> FindIdByEmailAsync(string email, CancellationToken ct);
}

public sealed record LeadContact(string UserId, string Email, string DisplayName, string Culture);

/// <summary>
/// The recurring reminder: each project lead of a published plan receives one e-mail per period listing their late
/// activities (planned end passed, not complete) and their commitments with no update for <see cref="TrackingOptions.StaleAfterDays"/> days.
/// Idempotent per period: the outbox's unique DedupKey (lead + period number) makes a second run, or a second instance, a no-op.
/// </summary>
public sealed class PlanReminders(DbContext db, IOutbox outbox, ILeadDirectory directory, TimeProvider clock, IOptions<TrackingOptions> options)
{
    public const string Category = "plan.reminder";

    /// <summary>The period index since the Unix epoch; periods last <see cref="TrackingOptions.ReminderIntervalDays"/> days.</summary>
    public static long PeriodOf(DateTime now, int intervalDays) => (long)Math.Floor((now - DateTime.UnixEpoch).TotalDays / Math.Max(1, intervalDays));

    public static string DedupKeyFor(string userId, long period) => $"{Category}:{userId}:{period}";

    /// <summary>Enqueues this period's reminders; returns how many were newly enqueued.</summary>
    public async Task<int> RunAsync(string publicBaseUrl, CancellationToken ct = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var staleBefore = now.AddDays(-o.StaleAfterDays);
        var period = PeriodOf(now, o.ReminderIntervalDays);

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
        var contacts = await directory.FindAsync(byLead.Select(g => g.Key).ToList(), ct);

        var sent = 0;
        foreach (var lead in byLead)
        {
            var key = DedupKeyFor(lead.Key, period);
            if (alreadySent.Contains(key) || !contacts.TryGetValue(lead.Key, out var contact)) continue;
            var lateItems = lead.SelectMany(c => lateBy[c.Id].Select(a => (c.Number, a.Title, a.PlannedEnd, a.Percent))).ToList();
            var stale = lead.Where(c => (c.LastUpdatedAt ?? c.CreatedAt) < staleBefore).OrderBy(c => c.Number).ToList();
            if (lateItems.Count == 0 && stale.Count == 0) continue;

            var text = ReminderText.For(contact.Culture);
            var body = new StringBuilder();
            body.AppendLine(string.Format(CultureInfo.InvariantCulture, text.Greeting, contact.DisplayName)).AppendLine();
            if (lateItems.Count > 0)
            {
                body.AppendLine(text.LateHeading);
                foreach (var (number, title, end, percent) in lateItems)
                    body.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {number}. {title} ({end:yyyy-MM-dd}, {percent:0.#} %)"));
                body.AppendLine();
            }
            if (stale.Count > 0)
            {
                body.AppendLine(string.Format(CultureInfo.InvariantCulture, text.StaleHeading, o.StaleAfterDays));
                foreach (var c in stale) body.AppendLine($"- {c.Number}. {c.Title}");
                body.AppendLine();
            }
            body.AppendLine(text.Footer).AppendLine(publicBaseUrl.TrimEnd('/') + "/plan/manage");
            outbox.Enqueue(new OutgoingMail(Category, contact.Email, text.Subject, body.ToString(),
                RecipientUserId: contact.UserId, Culture: contact.Culture, DedupKey: key));
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another instance enqueued this lead's reminder for the period first: the unique DedupKey refused ours.
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }
}

/// <summary>Reminder wording per language (the e-mail is built outside a request, without the web resources).</summary>
internal sealed record ReminderText(string Subject, string Greeting, string LateHeading, string StaleHeading, string Footer)
{
    public static ReminderText For(string culture) => culture switch
    {
        "ar" => new("تذكير: تتبع التزامات خطة العمل", "مرحبا {0}،", "أنشطة متأخرة (انقضى تاريخ الانتهاء ولم تكتمل):",
            "التزامات دون تحديث منذ {0} يوما:", "حدّثوا التقدم في فضاء التتبع:"),
        "en" => new("Reminder: tracking your action plan commitments", "Hello {0},", "Late activities (planned end passed, not complete):",
            "Commitments with no update for {0} days:", "Update their progress in the tracking back office:"),
        _ => new("Rappel : suivi de vos engagements du plan d'action", "Bonjour {0},", "Activités en retard (date de fin dépassée, non terminées) :",
            "Engagements sans mise à jour depuis {0} jours :", "Mettez à jour leur avancement dans l'espace de suivi :"),
    };
}
