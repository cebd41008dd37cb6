namespace OpenGov.Tracking.Plans;

public sealed class CommitmentLead
{
    private CommitmentLead() { }

    internal CommitmentLead(Guid commitmentId, string userId)
    {
        CommitmentId = commitmentId;
        UserId = userId;
    }

    public Guid CommitmentId { get; private set; }
    public string UserId { get; private set; } = "";
}
