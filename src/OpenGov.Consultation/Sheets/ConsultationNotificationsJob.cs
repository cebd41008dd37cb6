using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Follows;
using OpenGov.SharedKernel.Jobs;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Consultation.Sheets;

/// <summary>
/// Hourly: tells a sheet's followers that its consultation has opened, and that it closes within 48 hours.
/// Windows open and close by the clock, so a job (not a click) sends these; each mail has a DedupKey per sheet,
/// follower and window date, so a re-run or a second instance never sends it twice, and an extension yields a new reminder.
/// </summary>
public sealed class ConsultationNotificationsJob(DbContext db, SheetEditing editing, IOutbox outbox) : IRecurringJob
{
    public string Name => "sheet-consultation-notifications";

    public string PeriodOf(DateTime utcNow) => Periods.Hour(utcNow);

    public async Task RunAsync(DateTime utcNow, CancellationToken ct)
    {
        var soon = utcNow.AddHours(48);
        var sheets = await db.Set<Sheet>().Where(s => s.CurrentVersion > 0 && s.ConsultationOpensAt <= utcNow && s.ConsultationClosesAt > utcNow)
            .ToListAsync(ct);
        if (sheets.Count == 0) return;
        var ids = sheets.Select(s => s.Id).ToList();
        var follows = await db.Set<Follow>().Where(f => f.Target == FollowTarget.Sheet && ids.Contains(f.TargetId))
            .Select(f => new { f.TargetId, f.UserId }).ToListAsync(ct);
        var titles = await SheetTitles.PublishedAsync(db, ids, ct);
        var keys = new List<(string Key, OutgoingMail Mail)>();
        foreach (var sheet in sheets)
        {
            var title = titles.GetValueOrDefault(sheet.Id) ?? sheet.Content.TitleText;
            foreach (var f in follows.Where(f => f.TargetId == sheet.Id))
            {
                var opened = $"sheet-opened:{sheet.Id:N}:{f.UserId}:{sheet.ConsultationOpensAt!.Value.Ticks}";
                keys.Add((opened, OutgoingMail.FromTemplate("sheet.consultation.opened", f.UserId, "SheetsText:Mail.Opened",
                    editing.Values(sheet, title, ("closes", MailValue.Instant(sheet.ConsultationClosesAt!.Value))), opened)));
                if (sheet.ConsultationClosesAt <= soon)
                {
                    var closing = $"sheet-closing:{sheet.Id:N}:{f.UserId}:{sheet.ConsultationClosesAt.Value.Ticks}";
                    keys.Add((closing, OutgoingMail.FromTemplate("sheet.consultation.closing", f.UserId, "SheetsText:Mail.Closing",
                        editing.Values(sheet, title, ("closes", MailValue.Instant(sheet.ConsultationClosesAt.Value))), closing)));
                }
            }
        }
        var wanted = keys.Select(k => k.Key).ToList();
        var sent = new HashSet<string>();
        foreach (var chunk in wanted.Chunk(500))
            sent.UnionWith(await db.Set<OutboxMessage>().Where(m => m.DedupKey != null && chunk.Contains(m.DedupKey)).Select(m => m.DedupKey!).ToListAsync(ct));
        foreach (var (key, mail) in keys.Where(k => !sent.Contains(k.Key)))
            outbox.Enqueue(mail);
        await db.SaveChangesAsync(ct);
    }
}
