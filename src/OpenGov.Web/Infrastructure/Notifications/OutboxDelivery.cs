using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Data;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Mail;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Web.Infrastructure.Notifications;

public sealed class NotificationOptions
{
    /// <summary>Attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>First retry delay; doubled at each attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long a claimed batch belongs to a worker; after that, another worker may take it (the first one died).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    public int BatchSize { get; set; } = 50;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Run the delivery worker in this instance (tests deliver by hand).</summary>
    public bool WorkerEnabled { get; set; } = true;
}

/// <summary>
/// Delivers the outbox. A batch of due rows is claimed with a lease (LockedBy/LockedUntil) in a short transaction —
/// on PostgreSQL with FOR UPDATE SKIP LOCKED, on SQL Server with UPDLOCK+READPAST, so concurrent instances take disjoint rows — then each mail is sent
/// outside the transaction and its row marked sent, retried later or dead-lettered.
/// </summary>
public sealed class OutboxDelivery(AppDbContext db, IMailSender sender, MailRenderer renderer, UnsubscribeTokens tokens,
    TimeProvider clock, IOptions<NotificationOptions> options, SiteLinks links, ILogger<OutboxDelivery> logger)
{
    private NotificationOptions O => options.Value;

    /// <summary>Claims and delivers one batch; returns the number of messages handled (sent, failed, held or suppressed).</summary>
    public async Task<int> DeliverDueAsync(string worker, CancellationToken ct = default)
    {
        var claimed = await ClaimAsync(worker, ct);
        foreach (var message in claimed)
            await DeliverAsync(message, ct);
        return claimed.Count;
    }

    /// <summary>Delivers until nothing is due (tests, and the worker after a wake-up).</summary>
    public async Task<int> DeliverAllDueAsync(string worker, CancellationToken ct = default)
    {
        var total = 0;
        int n;
        while ((n = await DeliverDueAsync(worker, ct)) > 0) total += n;
        return total;
    }

    /// <summary>Takes a lease on up to BatchSize due rows. A row whose lease has expired (its worker died) is due again.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string worker, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + O.Lease;
        // A token per batch: the rows this call won are exactly those carrying it.
        var token = $"{worker}/{Guid.NewGuid():N}";
        if (token.Length > 200) token = token[^200..];
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            List<Guid> ids;
            if (db.Database.IsNpgsql())
            {
                ids = await db.Database.SqlQuery<Guid>($"""
                    SELECT "Id" AS "Value" FROM "OutboxMessages"
                    WHERE "Status" = 0 AND NOT "HeldForDigest" AND "NextAttemptAt" <= {now}
                      AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "NextAttemptAt" LIMIT {O.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """).ToListAsync(ct);
            }
            else if (db.Database.IsSqlServer())
            {
                // SQL Server's SKIP LOCKED: update locks on the rows read, skipping the rows another claimer holds.
                ids = await db.Database.SqlQuery<Guid>($"""
                    SELECT TOP ({O.BatchSize}) [Id] AS [Value] FROM [OutboxMessages] WITH (UPDLOCK, READPAST, ROWLOCK)
                    WHERE [Status] = 0 AND [HeldForDigest] = CAST(0 AS bit) AND [NextAttemptAt] <= {now}
                      AND ([LockedUntil] IS NULL OR [LockedUntil] < {now})
                    ORDER BY [NextAttemptAt]
                    """).ToListAsync(ct);
            }
            else
            {
                ids = await Due(now).OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(O.BatchSize).ToListAsync(ct);
            }
            if (ids.Count == 0) return [];
            // The conditions are repeated so that a row claimed meanwhile (SQLite has no row locks) is not taken twice.
            await Due(now).Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, token).SetProperty(m => m.LockedUntil, until), ct);
            await tx.CommitAsync(ct);
        }
        return await db.Set<OutboxMessage>().Where(m => m.LockedBy == token).OrderBy(m => m.NextAttemptAt).ToListAsync(ct);
    }

    private IQueryable<OutboxMessage> Due(DateTime now) => db.Set<OutboxMessage>().Where(m =>
        m.Status == OutboxStatus.Pending && !m.HeldForDigest && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now));

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        string? error = null;
        try
        {
            var mail = await PrepareAsync(message, ct);
            if (mail is not null)
            {
                await sender.SendAsync(mail, ct);
                message.MarkSent(clock.GetUtcNow().UtcDateTime);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = ex.GetType().Name + ": " + ex.Message;
            logger.LogWarning(ex, "Sending outbox message {Id} ({Category}) failed (attempt {Attempt})", message.Id, message.Category, message.Attempts + 1);
            message.MarkFailed(clock.GetUtcNow().UtcDateTime, error, O.MaxAttempts, O.RetryBaseDelay);
            if (message.Status == OutboxStatus.DeadLettered)
                logger.LogError("Outbox message {Id} ({Category}) dead-lettered after {Attempts} attempts", message.Id, message.Category, message.Attempts);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The mail to send, or null when the recipient's preference holds it for a digest or suppresses it.</summary>
    private async Task<MailToSend?> PrepareAsync(OutboxMessage message, CancellationToken ct)
    {
        var to = message.ToAddress;
        var culture = message.Culture;
        string? unsubscribeUrl = null;
        var group = NotificationGroups.Of(message.Category);
        if (message.RecipientUserId is { } userId)
        {
            var user = await db.Set<AppUser>().Where(u => u.Id == userId)
                .Select(u => new { u.Email, u.PreferredCulture }).FirstOrDefaultAsync(ct);
            if (user?.Email is null)
            {
                message.Suppress(); // the account is gone: nobody to tell
                return null;
            }
            to ??= user.Email;
            culture = user.PreferredCulture;
            if (group is not null)
            {
                var mode = await db.Set<NotificationPreference>().Where(p => p.UserId == userId && p.Group == group)
                    .Select(p => (DeliveryMode?)p.Mode).FirstOrDefaultAsync(ct) ?? DeliveryMode.Immediately;
                if (mode == DeliveryMode.None)
                {
                    message.Suppress();
                    return null;
                }
                if (mode == DeliveryMode.DailyDigest)
                {
                    message.HoldForDigest();
                    return null;
                }
                unsubscribeUrl = UnsubscribeUrl(userId, group);
            }
        }
        var (subject, text) = renderer.Content(message, culture);
        var rendered = renderer.Wrap(subject, text, culture, unsubscribeUrl);
        var headers = new Dictionary<string, string> { ["X-OpenGov-Category"] = message.Category };
        if (unsubscribeUrl is not null) headers["List-Unsubscribe"] = $"<{unsubscribeUrl}>";
        var attachment = message.AttachmentName is null ? null
            : new MailAttachment(message.AttachmentName, message.AttachmentContentType ?? "application/octet-stream", message.AttachmentContent ?? "");
        return new MailToSend(to!, rendered.Subject, rendered.Text, message.HtmlBody ?? rendered.Html, message.MessageId, headers, attachment);
    }

    public string UnsubscribeUrl(string userId, string group)
        => links.To("/unsubscribe", [new("token", tokens.Create(userId, group))]);
}

/// <summary>The hosted worker: one delivery pass every poll interval, in every instance (claims keep them apart).</summary>
public sealed class OutboxDeliveryWorker(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<OutboxDeliveryWorker> logger)
    : BackgroundService
{
    public static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAllDueAsync(Instance, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) { logger.LogError(ex, "Outbox delivery pass failed"); }
            try { await Task.Delay(options.Value.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
