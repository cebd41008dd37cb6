using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
namespace OpenGov.Consultation.Events;

public enum EventType { CoCreationWebinar = 0, ThematicWorkshop = 1, OpenGovWeek = 2, CommitteeMeeting = 3 }

public enum EventStatus
{
    /// <summary>An Open Gov Week submission waiting for a moderator.</summary>
    PendingReview = 0,
    Published = 1,
    Rejected = 2,
    Cancelled = 3,
}

public enum OrganiserKind { Platform = 0, Association = 1, Administration = 2, University = 3, Other = 4 }

/// <summary>What an event is about, where and when: the part an organiser or a submitter writes.</summary>
public sealed record EventDetails(
    string Title, string DescriptionMarkdown, EventType Type, Guid? CycleId, Guid? AxisId,
    DateTime StartsAt, DateTime EndsAt, string TimeZoneId, string? OnlineUrl, string? Place, string Region, int Capacity);

/// <summary>
/// A public event: a co-creation webinar, a thematic workshop, an Open Gov Week event or a committee meeting.
/// Instants are UTC; <see cref="TimeZoneId"/> (IANA) is the zone the event is shown in.
/// Seats are counted on the row (<see cref="ConfirmedCount"/>, <see cref="WaitlistCount"/>); registrations change them only
/// while holding the event's write lock (<see cref="EventRegistrations"/>), so the count never exceeds the capacity.
/// </summary>
public sealed class Event
{
    public const string DefaultTimeZone = "Africa/Casablanca";
    public const int MaxCapacity = 100_000;

    private Event() { }

    private Event(Guid id, EventDetails details, OrganiserKind organiserKind, string organiserName, string? organiserUserId,
        string? contactEmail, EventStatus status, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organiserName);
        Id = id;
        OrganiserKind = organiserKind;
        OrganiserName = SingleLineText.Trim(organiserName, "OrganiserName");
        OrganiserUserId = organiserUserId;
        ContactEmail = string.IsNullOrWhiteSpace(contactEmail) ? null : contactEmail.Trim();
        Status = status;
        CreatedAt = now;
        Apply(details);
        UpdatedAt = now;
    }

    /// <summary>An event created by the platform's staff: published at once.</summary>
    public static Event CreatePublished(Guid id, EventDetails details, string organiserName, string organiserUserId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organiserUserId);
        var e = new Event(id, details, OrganiserKind.Platform, organiserName, organiserUserId, null, EventStatus.Published, now);
        e.PublishedAt = now;
        return e;
    }

    /// <summary>An Open Gov Week event proposed by an outside organiser: waits for a moderator.</summary>
    public static Event Submit(Guid id, EventDetails details, OrganiserKind organiserKind, string organiserName, string contactEmail,
        string contactCulture, DateTime now)
    {
        if (details.Type != EventType.OpenGovWeek) throw DomainException.Rule("OutsideOrganisersSubmitOpenGovWeekEvents");
        if (organiserKind == OrganiserKind.Platform) throw DomainException.Rule("ChooseKindOrganiser");
        if (string.IsNullOrWhiteSpace(contactEmail) || !contactEmail.Contains('@', StringComparison.Ordinal))
            throw DomainException.Rule("ContactEMailRequired");
        if (details.StartsAt <= now) throw DomainException.Rule("EventMustTakePlaceFuture");
        var e = new Event(id, details, organiserKind, organiserName, null, contactEmail, EventStatus.PendingReview, now);
        e.ContactCulture = contactCulture is "ar" or "en" ? contactCulture : "fr";
        return e;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string DescriptionMarkdown { get; private set; } = "";
    public EventType Type { get; private set; }
    public Guid? CycleId { get; private set; }
    public Guid? AxisId { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public string TimeZoneId { get; private set; } = DefaultTimeZone;
    public string? OnlineUrl { get; private set; }
    public string? Place { get; private set; }
    public string Region { get; private set; } = SharedKernel.Regions.National;
    public int Capacity { get; private set; }

    public OrganiserKind OrganiserKind { get; private set; }
    /// <summary>Public: the organising association, administration, university or platform.</summary>
    public string OrganiserName { get; private set; } = "";
    /// <summary>The staff member who manages the event (null for outside submissions).</summary>
    public string? OrganiserUserId { get; private set; }
    /// <summary>Private: the outside submitter's address, for the moderation decision and the attendee list.</summary>
    public string? ContactEmail { get; private set; }
    /// <summary>The language the submitter used: the moderation decision is written in it.</summary>
    public string ContactCulture { get; private set; } = "fr";

    public EventStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public string? ModeratedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    /// <summary>After the event: the report (Markdown) and links to slides, recordings, minutes, one per line.</summary>
    public string? ReportMarkdown { get; private set; }
    public string? MaterialLinks { get; private set; }

    public int ConfirmedCount { get; private set; }
    public int WaitlistCount { get; private set; }
    /// <summary>Bumped by every registration change; the bump is the row-level write lock that serializes them.</summary>
    public long WriteSequence { get; private set; }

    public bool IsPublic => Status == EventStatus.Published;
    public bool IsPast(DateTime now) => EndsAt <= now;
    public bool HasFreeSeat => ConfirmedCount < Capacity;

    public void Edit(EventDetails details, DateTime now)
    {
        if (details.Capacity < ConfirmedCount)
            throw DomainException.Rule("CapacityCannotGoBelowNumberConfirmedAttendees");
        if (details.Type != Type && Type == EventType.OpenGovWeek)
            throw DomainException.Rule("OpenGovWeekEventKeepsType");
        Apply(details);
        UpdatedAt = now;
    }

    public void Accept(string moderatorUserId, DateTime now)
    {
        if (Status != EventStatus.PendingReview) throw DomainException.Rule("PendingSubmissionAccepted");
        Status = EventStatus.Published;
        ModeratedByUserId = moderatorUserId;
        PublishedAt = now;
        UpdatedAt = now;
    }

    public void Reject(string moderatorUserId, string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw DomainException.Rule("ReasonRequired");
        if (Status != EventStatus.PendingReview) throw DomainException.Rule("PendingSubmissionRejected");
        Status = EventStatus.Rejected;
        RejectionReason = reason.Trim();
        ModeratedByUserId = moderatorUserId;
        UpdatedAt = now;
    }

    public void Cancel(DateTime now)
    {
        if (Status != EventStatus.Published) throw DomainException.Rule("PublishedEventCancelled");
        Status = EventStatus.Cancelled;
        UpdatedAt = now;
    }

    public void RecordMaterials(string? reportMarkdown, string? materialLinks, DateTime now)
    {
        if (Status != EventStatus.Published) throw DomainException.Rule("MaterialsBelongPublishedEvent");
        if (!IsPast(now)) throw DomainException.Rule("MaterialsAreRecordedOnceEventHasTaken");
        ReportMarkdown = string.IsNullOrWhiteSpace(reportMarkdown) ? null : reportMarkdown.Trim();
        MaterialLinks = string.IsNullOrWhiteSpace(materialLinks) ? null
            : string.Join('\n', materialLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        UpdatedAt = now;
    }

    /// <summary>The links of <see cref="MaterialLinks"/> that are http(s) URLs.</summary>
    public static IReadOnlyList<string> Links(string? materialLinks) => (materialLinks ?? "")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(l => Uri.TryCreate(l, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
        .ToList();

    internal void EnsureOpenForRegistration(DateTime now)
    {
        if (Status != EventStatus.Published) throw DomainException.Rule("EventNotOpenRegistration");
        if (StartsAt <= now) throw DomainException.Rule("RegistrationClosesWhenEventStarts");
    }

    /// <summary>Takes a seat if one is free; otherwise joins the waitlist. Returns true for a seat.</summary>
    internal bool TakeSeatOrWait()
    {
        if (HasFreeSeat)
        {
            ConfirmedCount++;
            return true;
        }
        WaitlistCount++;
        return false;
    }

    internal void ReleaseSeat() => ConfirmedCount = Math.Max(0, ConfirmedCount - 1);

    internal void LeaveWaitlist() => WaitlistCount = Math.Max(0, WaitlistCount - 1);

    /// <summary>A waitlisted registration takes the seat just released.</summary>
    internal void PromoteFromWaitlist()
    {
        if (!HasFreeSeat) throw DomainException.Rule("NoFreeSeatPromoteInto");
        WaitlistCount = Math.Max(0, WaitlistCount - 1);
        ConfirmedCount++;
    }

    private void Apply(EventDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentException.ThrowIfNullOrWhiteSpace(d.Title);
        if (d.Title.Trim().Length > 200) throw DomainException.Rule("TitleTooLong200CharactersMost");
        if (d.EndsAt <= d.StartsAt) throw DomainException.Rule("EventMustEndAfterStarts");
        if (d.Capacity < 1 || d.Capacity > MaxCapacity) throw DomainException.Rule("CapacityMustBetween1100000");
        if (!SharedKernel.Regions.IsValid(d.Region)) throw DomainException.Rule("UnknownRegion");
        if (string.IsNullOrWhiteSpace(d.OnlineUrl) && string.IsNullOrWhiteSpace(d.Place))
            throw DomainException.Rule("GiveOnlineLinkPlace");
        if (!string.IsNullOrWhiteSpace(d.OnlineUrl)
            && !(Uri.TryCreate(d.OnlineUrl.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
            throw DomainException.Rule("OnlineLinkMustHttpSAddress");
        EventTime.Zone(d.TimeZoneId); // throws on an unknown zone
        Title = SingleLineText.Trim(d.Title, "Title");
        DescriptionMarkdown = d.DescriptionMarkdown?.Trim() ?? "";
        Type = d.Type;
        CycleId = d.CycleId;
        AxisId = d.AxisId;
        StartsAt = d.StartsAt;
        EndsAt = d.EndsAt;
        TimeZoneId = d.TimeZoneId;
        OnlineUrl = string.IsNullOrWhiteSpace(d.OnlineUrl) ? null : d.OnlineUrl.Trim();
        Place = string.IsNullOrWhiteSpace(d.Place) ? null : d.Place.Trim();
        Region = d.Region;
        Capacity = d.Capacity;
    }
}

/// <summary>Conversions between an event's local wall-clock time (in its IANA zone) and UTC.</summary>
public static class EventTime
{
    public static TimeZoneInfo Zone(string? id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? Event.DefaultTimeZone : id); }
        catch (TimeZoneNotFoundException) { throw DomainException.Rule("UnknownTimeZone", id ?? ""); }
        catch (InvalidTimeZoneException) { throw DomainException.Rule("InvalidTimeZone", id ?? ""); }
    }

    public static DateTime ToUtc(DateTime local, string zoneId)
        => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone(zoneId));

    public static DateTime ToLocal(DateTime utc, string zoneId)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(zoneId));
}
