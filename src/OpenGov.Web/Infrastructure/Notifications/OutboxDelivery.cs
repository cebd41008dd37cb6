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
    /// <summary>Attempts before a message is dead-lettered. With the default delays the retries span about 24 h 15 min.</summary>
    public int MaxAttempts { get; set; } = 14;
    /// <summary>First retry delay; doubled at each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);
    /// <summary>How long a claim lasts without renewal; the sending worker renews it every third of it, so only a dead
    /// worker's rows are taken over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    public int BatchSize { get; set; } = 50;
    /// <summary>Deliver from this instance's job server (tests deliver by hand).</summary>
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>Local time of the daily digest, in <see cref="DigestTimeZone"/>.</summary>
    public TimeOnly DigestTime { get; set; } = new(7, 0);
    public string DigestTimeZone { get; set; } = "Africa/Casablanca";
}

/// <summary>
/// Delivers the outbox. A batch of due rows is claimed with a lease (LockedBy = a token unique to the batch, LockedUntil)
/// in a short transaction — on PostgreSQL with FOR UPDATE SKIP LOCKED, on SQL Server with UPDLOCK+READPAST, so concurrent instances take disjoint rows.
/// While the batch is sent over one SMTP connection a heartbeat renews the lease; each row is re-checked (and its lease
/// extended) just before its mail goes out, and its outcome is saved only while the batch still owns it (LockedBy is a
/// concurrency token: the UPDATE is conditional on the owner). So a live worker never loses rows to another one; a mail
/// in flight when its worker dies is sent again, with the same Message-ID, once the lease expires.
/// </summary>
public sealed class OutboxDelivery(AppDbContext db, IMailSender sender, MailRenderer renderer, UnsubscribeTokens tokens,
    TimeProvider clock, IOptions<NotificationOptions> options, SiteLinks links, IServiceScopeFactory scopes, ILogger<OutboxDelivery> logger)
{
    private NotificationOptions O => options.Value;

    /// <summary>Claims and delivers one batch; returns the number of messages handled (sent, failed, held or suppressed).</summary>
    public async Task<int> DeliverDueAsync(string worker, CancellationToken ct = default)
    {
        var claimed = await ClaimAsync(worker, ct);
        if (claimed.Count == 0) return 0;
        var token = claimed[0].LockedBy!;
        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(token, stopHeartbeat.Token);
        var connection = new Connection(sender);
        try
        {
            foreach (var message in claimed)
            {
                ct.ThrowIfCancellationRequested();
                await DeliverAsync(message, token, connection, ct);
            }
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            await heartbeat;
            await connection.CloseAsync();
        }
        return claimed.Count;
    }

    /// <summary>Delivers until nothing is due (tests, and the dispatch job).</summary>
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
        var won = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
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
            if (ids.Count == 0) return 0;
            // The conditions are repeated so that a row claimed meanwhile (SQLite has no row locks) is not taken twice.
            var n = await Due(now).Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, token).SetProperty(m => m.LockedUntil, until), ct);
            await tx.CommitAsync(ct);
            return n;
        });
        if (won == 0) return [];
        return await db.Set<OutboxMessage>().Where(m => m.LockedBy == token).OrderBy(m => m.NextAttemptAt).ToListAsync(ct);
    }

    private IQueryable<OutboxMessage> Due(DateTime now) => db.Set<OutboxMessage>().Where(m =>
        m.Status == OutboxStatus.Pending && !m.HeldForDigest && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now));

    /// <summary>Extends the lease of the batch's rows still pending; owner-conditional, so rows taken over are left alone.
    /// <paramref name="onlyId"/> limits it to one row. Returns the rows renewed.</summary>
    private static Task<int> RenewAsync(AppDbContext context, string token, DateTime until, Guid? onlyId, CancellationToken ct)
        => context.Set<OutboxMessage>()
            .Where(m => m.LockedBy == token && m.Status == OutboxStatus.Pending && (onlyId == null || m.Id == onlyId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), ct);

    /// <summary>Renews the batch's lease every third of it, on its own connection, until the batch is done.</summary>
    private async Task HeartbeatAsync(string token, CancellationToken stop)
    {
        var period = O.Lease / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stop);
                await using var scope = scopes.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await RenewAsync(context, token, clock.GetUtcNow().UtcDateTime + O.Lease, null, stop);
            }
            catch (OperationCanceledException) { return; }
            catch (Exception ex) { logger.LogWarning(ex, "Renewing the outbox lease {Token} failed", token); }
        }
    }

    /// <summary>One connection for the batch, opened at the first mail to send, reopened after a failure.</summary>
    private sealed class Connection(IMailSender sender)
    {
        private IMailBatch? _batch;

        public async Task SendAsync(MailToSend mail, CancellationToken ct)
        {
            try
            {
                _batch ??= await sender.OpenBatchAsync(ct);
                await _batch.SendAsync(mail, ct);
            }
            catch
            {
                await CloseAsync();
                throw;
            }
        }

        public async Task CloseAsync()
        {
            if (_batch is null) return;
            var batch = _batch;
            _batch = null;
            await batch.DisposeAsync();
        }
    }

    private async Task DeliverAsync(OutboxMessage message, string token, Connection connection, CancellationToken ct)
    {
        try
        {
            var mail = await PrepareAsync(message, ct);
            if (mail is not null)
            {
                // Still ours? (a lease lost while this worker was stalled must not lead to a second send)
                if (await RenewAsync(db, token, clock.GetUtcNow().UtcDateTime + O.Lease, message.Id, ct) == 0)
                {
                    logger.LogWarning("Outbox message {Id} was taken over by another worker; not sent by {Token}", message.Id, token);
                    db.Entry(message).State = EntityState.Detached;
                    return;
                }
                await connection.SendAsync(mail, ct);
                message.MarkSent(clock.GetUtcNow().UtcDateTime);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not DbUpdateException)
        {
            var error = ex.GetType().Name + ": " + ex.Message;
            logger.LogWarning(ex, "Sending outbox message {Id} ({Category}) failed (attempt {Attempt})", message.Id, message.Category, message.Attempts + 1);
            message.MarkFailed(clock.GetUtcNow().UtcDateTime, error, O.MaxAttempts, O.RetryBaseDelay, O.MaxRetryDelay);
            if (message.Status == OutboxStatus.DeadLettered)
                logger.LogError("Outbox message {Id} ({Category}) dead-lettered after {Attempts} attempts", message.Id, message.Category, message.Attempts);
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            // LockedBy changed: the row belongs to another worker now; its outcome is theirs to record.
            logger.LogWarning("Outbox message {Id}: claim {Token} lost before its outcome was saved", message.Id, token);
            db.Entry(message).State = EntityState.Detached;
        }
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
        // A message that carries its own HTML (the digest) already has its footer (MailRenderer.Footer).
        var rendered = message.HtmlBody is null ? renderer.Wrap(subject, text, culture, unsubscribeUrl, message.Category) : new RenderedMail(subject, text, message.HtmlBody);
        var headers = new Dictionary<string, string> { ["X-OpenGov-Category"] = message.Category };
        if (unsubscribeUrl is not null) headers["List-Unsubscribe"] = $"<{unsubscribeUrl}>";
        var attachment = message.AttachmentName is null ? null
            : new MailAttachment(message.AttachmentName, message.AttachmentContentType ?? "application/octet-stream", message.AttachmentContent ?? "");
        return new MailToSend(to!, rendered.Subject, rendered.Text, rendered.Html, message.MessageId, headers, attachment);
    }

    public string UnsubscribeUrl(string userId, string group)
        => links.To("/unsubscribe", [new("token", tokens.Create(userId, group))]);
}
