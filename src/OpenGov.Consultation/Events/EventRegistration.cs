using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
namespace OpenGov.Consultation.Events;

public enum RegistrationStatus
{
    /// <summary>Registered by e-mail; holds no seat until the address is confirmed through the mailed link.</summary>
    PendingConfirmation = 0,
    Confirmed = 1,
    Waitlisted = 2,
    Cancelled = 3,
}

/// <summary>
/// One person's registration to an event: a signed-in user or an e-mail address. The secret token of the mailed links
/// (confirm, cancel) is stored only as its SHA-256 hash.
/// </summary>
public sealed class EventRegistration
{
    private EventRegistration() { }

    internal EventRegistration(Guid id, Guid eventId, string? userId, string email, string displayName, string tokenHash,
        string culture, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Id = id;
        EventId = eventId;
        UserId = userId;
        Email = email.Trim();
        NormalizedEmail = Normalize(email);
        DisplayName = SingleLineText.Trim(displayName, "DisplayName");
        TokenHash = tokenHash;
        Culture = culture;
        CreatedAt = now;
        Status = RegistrationStatus.PendingConfirmation;
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public string? UserId { get; private set; }
    public string Email { get; private set; } = "";
    public string NormalizedEmail { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    /// <summary>The language the registrant used, for the mails sent to an address with no account.</summary>
    public string Culture { get; private set; } = "fr";
    public RegistrationStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>When the registrant joined the seats or the waitlist: the waitlist is served in this order.</summary>
    public DateTime? QueuedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }

    public bool IsActive => Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted or RegistrationStatus.PendingConfirmation;

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    internal void Queue(bool seat, DateTime now)
    {
        if (Status != RegistrationStatus.PendingConfirmation) throw DomainException.Rule("RegistrationAlreadyConfirmed");
        Status = seat ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
        QueuedAt = now;
    }

    /// <summary>Takes a released seat. The link token is renewed so the promotion mail can carry a working cancel link.</summary>
    internal void Promote(string newTokenHash)
    {
        if (Status != RegistrationStatus.Waitlisted) throw DomainException.Rule("WaitlistedRegistrationPromoted");
        Status = RegistrationStatus.Confirmed;
        TokenHash = newTokenHash;
    }

    internal void Cancel(DateTime now)
    {
        if (Status == RegistrationStatus.Cancelled) throw DomainException.Rule("RegistrationAlreadyCancelled");
        Status = RegistrationStatus.Cancelled;
        CancelledAt = now;
    }
}
