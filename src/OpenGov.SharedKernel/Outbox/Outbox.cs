using Microsoft.EntityFrameworkCore;

namespace OpenGov.SharedKernel.Outbox;

/// <summary>Adds messages to the caller's unit of work; they are committed by the caller's SaveChanges,
/// in the same transaction as the change that caused them.</summary>
public interface IOutbox
{
    OutboxMessage Enqueue(OutgoingMail mail);
}

public sealed class Outbox(DbContext db, TimeProvider clock) : IOutbox
{
    public OutboxMessage Enqueue(OutgoingMail mail)
    {
        var message = new OutboxMessage(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, mail);
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}
