using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Jobs;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Data;
using OpenGov.Web.Identity;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Web.Infrastructure.Notifications;

/// <summary>
/// Once a day at the digest time, folds each user's notifications held for a digest into one e-mail (itself an outbox message, so it is
/// retried like any other) and marks them Digested, in one transaction per user.
/// </summary>
public sealed class DigestJob(AppDbContext db, IOutbox outbox, MailRenderer renderer, OutboxDelivery delivery,
    IOptions<SiteOptions> site, IOptions<NotificationOptions> options, SiteLinks links, ILogger<DigestJob> logger) : IRecurringJob
{
    public const string JobName = "notifications-daily-digest";
    public const string Category = "digest.daily";

    public string Name => JobName;

    /// <summary>The digest day: it starts at the digest time (07:00 Africa/Casablanca by default), so the first check
    /// after that time runs it, and a run missed or killed is taken up until the next one.</summary>
    public string PeriodOf(DateTime utcNow) => PeriodOf(utcNow, options.Value);

    public static string PeriodOf(DateTime utcNow, NotificationOptions o)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(o.DigestTimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        return (local - o.DigestTime.ToTimeSpan()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task RunAsync(DateTime utcNow, CancellationToken ct)
    {
        var recipients = await db.Set<OutboxMessage>()
            .Where(m => m.Status == OutboxStatus.Pending && m.HeldForDigest && m.RecipientUserId != null)
            .Select(m => m.RecipientUserId!).Distinct().ToListAsync(ct);
        foreach (var userId in recipients)
        {
            try { await DigestForAsync(userId, utcNow, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Digest for user {UserId} failed", userId);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task DigestForAsync(string userId, DateTime now, CancellationToken ct)
    {
        var user = await db.Set<AppUser>().Where(u => u.Id == userId).Select(u => new { u.Email, u.PreferredCulture, u.DisplayName }).FirstOrDefaultAsync(ct);
        var held = await db.Set<OutboxMessage>()
            .Where(m => m.Status == OutboxStatus.Pending && m.HeldForDigest && m.RecipientUserId == userId)
            .OrderBy(m => m.CreatedAt).ToListAsync(ct);
        if (held.Count == 0) return;
        if (user?.Email is null)
        {
            foreach (var m in held) m.Suppress();
            await db.SaveChangesAsync(ct);
            return;
        }
        var culture = user.PreferredCulture;
        var siteName = site.Value.Name;
        var subject = renderer.Text("Mail.Digest.Subject", culture, siteName, held.Count);
        var text = new StringBuilder();
        var html = new StringBuilder();
        var intro = renderer.Text("Mail.Digest.Intro", culture, user.DisplayName, held.Count);
        text.Append(intro).Append("\n\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(intro)).Append("</p>");
        foreach (var m in held)
        {
            var (s, body) = renderer.Content(m, culture);
            text.Append("## ").Append(s).Append('\n').Append(body.Trim()).Append("\n\n");
            html.Append("<h2 style=\"font-size:16px\">").Append(WebUtility.HtmlEncode(s)).Append("</h2>");
            html.Append(renderer.TextToHtml(body));
        }
        var preferencesUrl = links.To("/account/notifications");
        var why = renderer.Text("Mail.Digest.Why", culture, siteName);
        var manage = renderer.Text("Mail.Digest.Manage", culture);
        text.Append("-- \n").Append(why).Append('\n').Append(manage).Append(" : ").Append(preferencesUrl).Append('\n');
        html.Append("<hr><p style=\"font-size:12px;color:#555\">").Append(WebUtility.HtmlEncode(why)).Append(" <a href=\"")
            .Append(WebUtility.HtmlEncode(preferencesUrl)).Append("\">").Append(WebUtility.HtmlEncode(manage)).Append("</a>");
        foreach (var group in held.Select(m => NotificationGroups.Of(m.Category)).OfType<string>().Distinct())
        {
            var label = renderer.Text("Mail.Digest.UnsubscribeGroup", culture, renderer.Text("Group." + group, culture));
            var url = delivery.UnsubscribeUrl(userId, group);
            text.Append(label).Append(" : ").Append(url).Append('\n');
            html.Append("<br><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a>");
        }
        html.Append("</p>");
        outbox.Enqueue(WithAttachments(new OutgoingMail(Category, user.Email, subject, text.ToString(), renderer.Layout(subject, culture, html.ToString()),
            RecipientUserId: userId, Culture: culture, DedupKey: $"digest:{userId}:{PeriodOf(now)}"), held));
        foreach (var m in held) m.MarkDigested(now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The digest keeps what the folded mails attached ("the invitation is attached" must stay true): one attachment as it
    /// is; several calendars (the only attachments mails carry) merged into one calendar file, since a message has one.
    /// </summary>
    internal static OutgoingMail WithAttachments(OutgoingMail digest, IReadOnlyList<OutboxMessage> held)
    {
        var attached = held.Where(m => !string.IsNullOrEmpty(m.AttachmentContent)).ToList();
        if (attached.Count == 0) return digest;
        if (attached.Count == 1)
            return digest with { AttachmentName = attached[0].AttachmentName, AttachmentContentType = attached[0].AttachmentContentType, AttachmentContent = attached[0].AttachmentContent };
        var calendars = attached.Where(m => m.AttachmentContentType?.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase) == true).ToList();
        if (calendars.Count == 0)
            return digest with { AttachmentName = attached[0].AttachmentName, AttachmentContentType = attached[0].AttachmentContentType, AttachmentContent = attached[0].AttachmentContent };
        var merged = OpenGov.Consultation.Events.IcsCalendar.Merge(calendars.Select(m => m.AttachmentContent!).ToList());
        var method = merged.Split("\r\n").FirstOrDefault(l => l.StartsWith("METHOD:", StringComparison.Ordinal))?["METHOD:".Length..];
        return digest with
        {
            AttachmentName = "events.ics",
            AttachmentContentType = "text/calendar; charset=utf-8" + (method is null ? "" : "; method=" + method),
            AttachmentContent = merged,
        };
    }
}
