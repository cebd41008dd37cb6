using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;

namespace OpenGov.SharedKernel.Outbox;

/// <summary>The administrators' view of the outbox: pending count, dead letters (mails that failed every attempt), re-sending, audit-logged.</summary>
public sealed class OutboxAdministration(DbContext db, IAuditLog audit, TimeProvider clock)
{
    public Task<int> PendingCountAsync(CancellationToken ct = default)
        => db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Pending, ct);

    /// <summary>Figures for the operator's dashboard.</summary>
    public async Task<OutboxHealth> HealthAsync(CancellationToken ct = default)
    {
        var dayAgo = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        var pending = messages.Where(m => m.Status == OutboxStatus.Pending);
        return new OutboxHealth(
            await pending.CountAsync(ct),
            await pending.OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(ct),
            await messages.CountAsync(m => m.Status == OutboxStatus.DeadLettered, ct),
            await messages.CountAsync(m => m.Status == OutboxStatus.Sent && m.SentAt >= dayAgo, ct));
    }

    /// <summary>The latest dead letters, newest first (at most 500).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> DeadLettersAsync(CancellationToken ct = default)
        => await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Status == OutboxStatus.DeadLettered)
            .OrderByDescending(m => m.CreatedAt).Take(500).ToListAsync(ct);

    /// <summary>Queues one dead letter again, or all of them (1000 at most) when <paramref name="messageId"/> is null; returns how many.</summary>
    public async Task<int> ResendAsync(string? actorUserId, Guid? messageId, CancellationToken ct = default)
    {
        var query = db.Set<OutboxMessage>().Where(m => m.Status == OutboxStatus.DeadLettered);
        if (messageId is not null) query = query.Where(m => m.Id == messageId);
        var messages = await query.Take(1000).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in messages)
        {
            m.Requeue(now);
            audit.Record(actorUserId, "outbox.resend", "OutboxMessage", m.Id.ToString(), m.Category);
        }
        await db.SaveChangesAsync(ct);
        return messages.Count;
    }
}
