using Microsoft.EntityFrameworkCore;

namespace OpenGov.SharedKernel.Auditing;

/// <summary>
/// Adds audit entries to the caller's unit of work, so an audited change and its audit row
/// are committed (or rolled back) together by the caller's SaveChanges.
/// </summary>
public interface IAuditLog
{
    void Record(string? actorUserId, string action, string targetType, string targetId, string? details = null);
}

public sealed class AuditLog(DbContext db, TimeProvider clock) : IAuditLog
{
    public void Record(string? actorUserId, string action, string targetType, string targetId, string? details = null)
        => db.Set<AuditEntry>().Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actorUserId, action, targetType, targetId, details));
}
