using Microsoft.EntityFrameworkCore;

namespace OpenGov.SharedKernel.Outbox;

/// <summary>Adds messages to the caller's unit of work; they are committed by the caller's SaveChanges,
/// in the same transaction as the change that caused them.</summary>
public interface IOutbox
{
    OutboxMessage Enqueue(OutgoingMail mail);

    /// <summary>Enqueues those of <paramref name="mails"/> (each with a DedupKey) that were never enqueued before: "once per
    /// decision, sheet window..." mails that a re-run, a re-publication or the next period must not send again. The unique
    /// DedupKey still refuses a parallel twin at SaveChanges. Returns how many were enqueued.</summary>
    Task<int> EnqueueNewAsync(IReadOnlyCollection<OutgoingMail> mails, CancellationToken ct = default);
}

public sealed class Outbox(DbContext db, TimeProvider clock) : IOutbox
{
    public OutboxMessage Enqueue(OutgoingMail mail)
    {
        var message = new OutboxMessage(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, mail);
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    public async Task<int> EnqueueNewAsync(IReadOnlyCollection<OutgoingMail> mails, CancellationToken ct = default)
    {
        if (mails.Any(m => m.DedupKey is null)) throw new ArgumentException("Every mail needs a DedupKey.", nameof(mails));
        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in mails.Select(m => m.DedupKey!).Distinct().Chunk(500))
            sent.UnionWith(await db.Set<OutboxMessage>().Where(m => m.DedupKey != null && chunk.Contains(m.DedupKey)).Select(m => m.DedupKey!).ToListAsync(ct));
        var count = 0;
        foreach (var mail in mails.Where(m => sent.Add(m.DedupKey!)))
        {
            Enqueue(mail);
            count++;
        }
        return count;
    }
}
