using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.Workshops;

/// <summary>
/// A regional workshop of a cycle's co-creation (often one of its events): where, when, how many took part, and who
/// (only the participants who consented to be named). Its facilitator enters the ideas collected there on its behalf.
/// </summary>
public sealed class Workshop
{
    public const int MaxParticipants = 100_000;
    private readonly List<WorkshopParticipant> _participants = [];

    private Workshop() { }

    public Workshop(Guid id, Guid cycleId, Guid? eventId, string title, string region, DateOnly heldOn, int participantCount,
        string facilitatorUserId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(facilitatorUserId);
        if (string.IsNullOrWhiteSpace(title)) throw DomainException.Rule("WorkshopTitleRequired");
        if (!SharedKernel.Regions.IsValid(region)) throw DomainException.Rule("UnknownRegion");
        if (participantCount is < 1 or > MaxParticipants) throw DomainException.Rule("WorkshopParticipantCount", MaxParticipants);
        Id = id;
        CycleId = cycleId;
        EventId = eventId;
        Title = SingleLineText.Trim(title, "Title");
        Region = region;
        HeldOn = heldOn;
        ParticipantCount = participantCount;
        FacilitatorUserId = facilitatorUserId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    /// <summary>The published event the workshop was (optional: some workshops are held outside the events calendar).</summary>
    public Guid? EventId { get; private set; }
    public string Title { get; private set; } = "";
    public string Region { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public int ParticipantCount { get; private set; }
    public string FacilitatorUserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public IReadOnlyList<WorkshopParticipant> Participants => _participants;

    public bool IsRunBy(string userId) => FacilitatorUserId == userId;

    /// <summary>Names a participant; refused without their recorded consent, or beyond the head count.</summary>
    public WorkshopParticipant NameParticipant(string name, string? organisation, bool consented, DateTime now)
    {
        if (!consented) throw DomainException.Rule("ParticipantConsentRequired");
        if (string.IsNullOrWhiteSpace(name)) throw DomainException.Rule("ParticipantNameRequired");
        if (_participants.Count >= ParticipantCount) throw DomainException.Rule("MoreNamedThanParticipants");
        var p = new WorkshopParticipant(Guid.NewGuid(), Id, SingleLineText.Trim(name, "Name"),
            string.IsNullOrWhiteSpace(organisation) ? null : SingleLineText.Trim(organisation, "Organisation"), now);
        _participants.Add(p);
        return p;
    }
}
