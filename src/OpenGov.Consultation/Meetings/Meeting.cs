using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Errors;
using OpenGov.Consultation.Committees;

namespace OpenGov.Consultation.Meetings;

public enum MinutesStatus { Draft = 0, Published = 1 }
public enum DecisionStatus { Open = 0, Done = 1, Dropped = 2 }

/// <summary>
/// A committee meeting and its record of conclusions ("relevé de conclusions"): agenda, who came and who did not,
/// minutes in Markdown and the decisions taken. Drafts are visible to committee secretaries only.
/// </summary>
public sealed class Meeting
{
    private readonly List<AgendaItem> _agenda = [];
    private readonly List<MeetingAttendee> _attendees = [];
    private readonly List<Decision> _decisions = [];

    private Meeting() { }

    public Meeting(Guid id, CommitteeKind committee, string title, DateOnly heldOn, string? place, bool isRemote, DateTime now)
    {
        Id = id;
        CreatedAt = now;
        Status = MinutesStatus.Draft;
        Reschedule(committee, title, heldOn, place, isRemote);
    }

    public Guid Id { get; private set; }
    public CommitteeKind Committee { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public string? Place { get; private set; }
    public bool IsRemote { get; private set; }
    public string MinutesMarkdown { get; private set; } = "";
    public MinutesStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public IReadOnlyList<AgendaItem> Agenda => _agenda;
    public IReadOnlyList<MeetingAttendee> Attendees => _attendees;
    public IReadOnlyList<Decision> Decisions => _decisions;

    public bool IsPublished => Status == MinutesStatus.Published;

    public void Reschedule(CommitteeKind committee, string title, DateOnly heldOn, string? place, bool isRemote)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (!isRemote && string.IsNullOrWhiteSpace(place)) throw DomainException.Rule("MeetingPersonNeedsPlace");
        Committee = committee;
        Title = SingleLineText.Trim(title, "Title");
        HeldOn = heldOn;
        Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
        IsRemote = isRemote;
    }

    public void WriteMinutes(string markdown) => MinutesMarkdown = markdown ?? "";

    /// <summary>Replaces the agenda with the given items, in order; blank lines are ignored.</summary>
    public void SetAgenda(IEnumerable<string> items)
    {
        _agenda.Clear();
        foreach (var text in items.Where(t => !string.IsNullOrWhiteSpace(t)))
            _agenda.Add(new AgendaItem(Guid.NewGuid(), Id, _agenda.Count + 1, text.Trim()));
    }

    /// <summary>Replaces the participants and absentees. Each is a person, an organisation, or both.</summary>
    public void SetAttendance(IEnumerable<(string? Name, string? Organisation)> present, IEnumerable<(string? Name, string? Organisation)> absent)
    {
        _attendees.Clear();
        foreach (var (name, org) in present) AddAttendee(name, org, true);
        foreach (var (name, org) in absent) AddAttendee(name, org, false);
    }

    private void AddAttendee(string? name, string? organisation, bool present)
    {
        if (string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(organisation)) return;
        _attendees.Add(new MeetingAttendee(Guid.NewGuid(), Id, name?.Trim() is { Length: > 0 } n ? n : null,
            organisation?.Trim() is { Length: > 0 } o ? o : null, present, _attendees.Count + 1));
    }

    public Decision AddDecision(string text, string? ownerOrganisation, string? ownerName, string? ownerUserId, string? ownerEmail, DateOnly? dueOn,
        string? ownerEmailCulture = null)
    {
        var decision = new Decision(Guid.NewGuid(), Id, text, ownerOrganisation, ownerName, ownerUserId, ownerEmail, dueOn, _decisions.Count + 1,
            ownerEmailCulture);
        _decisions.Add(decision);
        return decision;
    }

    public void RemoveDecision(Guid decisionId)
    {
        if (IsPublished) throw DomainException.Rule("PublishedDecisionsNotRemoved");
        _decisions.RemoveAll(d => d.Id == decisionId);
    }

    public void Publish(DateTime now)
    {
        if (IsPublished) throw DomainException.Rule("MinutesAreAlreadyPublished");
        if (string.IsNullOrWhiteSpace(MinutesMarkdown) && _decisions.Count == 0)
            throw DomainException.Rule("WriteMinutesRecordDecisionBeforePublishing");
        Status = MinutesStatus.Published;
        PublishedAt = now;
    }

    /// <summary>Back to draft for a correction; the first publication date is kept.</summary>
    public void Unpublish() => Status = MinutesStatus.Draft;
}

public sealed class AgendaItem
{
    private AgendaItem() { }

    internal AgendaItem(Guid id, Guid meetingId, int order, string text)
    {
        Id = id;
        MeetingId = meetingId;
        Order = order;
        Text = text;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public int Order { get; private set; }
    public string Text { get; private set; } = "";
}

public sealed class MeetingAttendee
{
    private MeetingAttendee() { }

    internal MeetingAttendee(Guid id, Guid meetingId, string? name, string? organisation, bool present, int order)
    {
        Id = id;
        MeetingId = meetingId;
        Name = name;
        Organisation = organisation;
        Present = present;
        Order = order;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public string? Name { get; private set; }
    public string? Organisation { get; private set; }
    public bool Present { get; private set; }
    public int Order { get; private set; }
}

/// <summary>A "point arrêté": what was decided, who carries it, by when, and where it stands.</summary>
public sealed class Decision
{
    private Decision() { }

    internal Decision(Guid id, Guid meetingId, string text, string? ownerOrganisation, string? ownerName, string? ownerUserId, string? ownerEmail,
        DateOnly? dueOn, int order, string? ownerEmailCulture = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (string.IsNullOrWhiteSpace(ownerOrganisation) && string.IsNullOrWhiteSpace(ownerName))
            throw DomainException.Rule("DecisionNeedsOwnerOrganisationPerson");
        Id = id;
        MeetingId = meetingId;
        Text = text.Trim();
        OwnerOrganisation = SingleLineText.TrimOrNull(ownerOrganisation, "OwnerOrganisation");
        OwnerName = SingleLineText.TrimOrNull(ownerName, "OwnerName");
        OwnerUserId = string.IsNullOrWhiteSpace(ownerUserId) ? null : ownerUserId;
        OwnerEmail = EmailAddressText.TrimOrNull(ownerEmail);
        OwnerEmailCulture = MailLanguage.Checked(ownerEmailCulture);
        DueOn = dueOn;
        Order = order;
        Status = DecisionStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public string Text { get; private set; } = "";
    public string? OwnerOrganisation { get; private set; }
    public string? OwnerName { get; private set; }
    /// <summary>Set when the owner is a person with an account: they may then report progress themselves.</summary>
    public string? OwnerUserId { get; private set; }
    /// <summary>The address the secretary typed for the owner; it reaches an owner without an account. When an account held it
    /// at assignment (<see cref="OwnerUserId"/>), the account wins: its current address, language and preferences.</summary>
    public string? OwnerEmail { get; private set; }
    /// <summary>The language of the mails to <see cref="OwnerEmail"/> while no account holds it (fr, ar or en).</summary>
    public string OwnerEmailCulture { get; private set; } = MailLanguage.Default;
    public DateOnly? DueOn { get; private set; }
    public int Order { get; private set; }
    public DecisionStatus Status { get; private set; }
    public string? ProgressNote { get; private set; }
    public DateTime? StatusChangedAt { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == DecisionStatus.Open && DueOn is { } due && due < today;

    /// <summary>Who is mailed about this decision: the owner's account, else the owner's address, else nobody.</summary>
    public MailRecipient? OwnerRecipient() => OwnerUserId is not null ? new MailRecipient(OwnerUserId, null)
        : OwnerEmail is not null ? new MailRecipient(null, OwnerEmail, OwnerEmailCulture) : null;

    /// <summary>
    /// The account that has just confirmed <see cref="OwnerEmail"/> becomes the owner (mailed as that account, may record
    /// progress); false when an account already owns it or the address is another one (compared ignoring case).
    /// </summary>
    public bool LinkOwnerAccount(string userId, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (OwnerUserId is not null || OwnerEmail is null || !string.Equals(OwnerEmail, email?.Trim(), StringComparison.OrdinalIgnoreCase)) return false;
        OwnerUserId = userId;
        return true;
    }

    public bool CanBeUpdatedBy(string userId, bool isAdministrator) => isAdministrator || (OwnerUserId is not null && OwnerUserId == userId);

    public void RecordProgress(DecisionStatus status, string? note, string userId, bool isAdministrator, DateTime now)
    {
        if (!CanBeUpdatedBy(userId, isAdministrator)) throw DomainException.Forbidden("DecisionOwnerOrSecretaryRecordsProgress");
        if (status == DecisionStatus.Dropped && string.IsNullOrWhiteSpace(note)) throw DomainException.Rule("SayWhyDecisionDropped");
        Status = status;
        ProgressNote = string.IsNullOrWhiteSpace(note) ? ProgressNote : note.Trim();
        StatusChangedAt = now;
    }
}
