namespace OpenGov.Consultation.Workshops;

/// <summary>A workshop participant named with their consent (recorded when the facilitator ticked it).</summary>
public sealed class WorkshopParticipant
{
    private WorkshopParticipant() { }

    internal WorkshopParticipant(Guid id, Guid workshopId, string name, string? organisation, DateTime consentRecordedAt)
    {
        Id = id;
        WorkshopId = workshopId;
        Name = name;
        Organisation = organisation;
        ConsentRecordedAt = consentRecordedAt;
    }

    public Guid Id { get; private set; }
    public Guid WorkshopId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Organisation { get; private set; }
    public DateTime ConsentRecordedAt { get; private set; }
}
