namespace OpenGov.SharedKernel.Auditing;

/// <summary>An append-only record of a sensitive action: who did what to which record, and when.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTime at, string? actorUserId, string action, string targetType, string targetId, string? details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        At = at;
        ActorUserId = actorUserId;
        Action = action;
        TargetType = targetType;
        TargetId = targetId;
        Details = details;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string? ActorUserId { get; private set; }
    public string Action { get; private set; } = "";
    public string TargetType { get; private set; } = "";
    public string TargetId { get; private set; } = "";
    public string? Details { get; private set; }
}
