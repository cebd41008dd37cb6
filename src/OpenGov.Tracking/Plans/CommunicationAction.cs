namespace OpenGov.Tracking.Plans;

public sealed class CommunicationAction
{
    private CommunicationAction() { }

    internal CommunicationAction(Guid id, Guid commitmentId, string action, DateOnly? date, string audience, string indicators)
    {
        Commitment.Require(action, 4000, "Field.action");
        Id = id;
        CommitmentId = commitmentId;
        Action = action.Trim();
        Date = date;
        Audience = Commitment.Limit(audience, 500, "Field.audience");
        Indicators = Commitment.Limit(indicators, 2000, "Field.indicators");
    }

    public Guid Id { get; private set; }
    public Guid CommitmentId { get; private set; }
    public string Action { get; private set; } = "";
    public DateOnly? Date { get; private set; }
    public string Audience { get; private set; } = "";
    public string Indicators { get; private set; } = "";
}
