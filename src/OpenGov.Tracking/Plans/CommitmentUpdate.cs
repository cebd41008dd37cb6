namespace OpenGov.Tracking.Plans;

/// <summary>One entry of a commitment's history: who reported what, and when.</summary>
public sealed class CommitmentUpdate
{
    private CommitmentUpdate() { }

    internal CommitmentUpdate(Guid id, Guid commitmentId, DateTime at, string userId, string kind, string summary)
    {
        Id = id;
        CommitmentId = commitmentId;
        At = at;
        UserId = userId;
        Kind = kind;
        Summary = summary.Length > 2000 ? summary[..2000] : summary;
    }

    public Guid Id { get; private set; }
    public Guid CommitmentId { get; private set; }
    public DateTime At { get; private set; }
    public string UserId { get; private set; } = "";
    /// <summary>"progress", "action", "communication", "self-assessment", "weights", "edit".</summary>
    public string Kind { get; private set; } = "";
    public string Summary { get; private set; } = "";
}
