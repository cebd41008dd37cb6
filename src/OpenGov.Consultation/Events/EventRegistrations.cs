using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Consultation.Events;

/// <summary>Who registers: a signed-in user (id, address and public name from the account) or an e-mail registrant.</summary>
public sealed record Registrant(string? UserId, string Email, string DisplayName, string Culture);

public enum RegistrationOutcome { ConfirmationMailed, Confirmed, Waitlisted, AlreadyRegistered }

public sealed record Attendee(string DisplayName, string Email, RegistrationStatus Status, DateTime CreatedAt, DateTime? QueuedAt);

/// <summary>
/// Registration, confirmation, cancellation and waitlist promotion. Every change that touches seats first takes the
/// event's row-level write lock (an UPDATE of its WriteSequence inside the transaction: a row lock on PostgreSQL, the
/// database write lock on SQLite), then reads the counts: parallel registrations are serialized and never overbook.
/// </summary>
public sealed class EventRegistrations(DbContext db, IOutbox outbox, TimeProvider clock, SiteLinks links, AddressMailLimit mailLimit)
{
    public const string MailCategory = "event.registration";

    public async Task<RegistrationOutcome> RegisterAsync(Guid eventId, Registrant who, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentException.ThrowIfNullOrWhiteSpace(who.DisplayName);
        if (string.IsNullOrWhiteSpace(who.Email) || !who.Email.Contains('@', StringComparison.Ordinal) || who.Email.Length > 320)
            throw DomainException.Rule("ValidEMailAddressRequired");
        var now = Now;
        await using var tx = await LockAsync(eventId, ct);
        var ev = await LoadAsync(eventId, ct);
        ev.EnsureOpenForRegistration(now);
        var normalized = EventRegistration.Normalize(who.Email);
        var exists = await db.Set<EventRegistration>().AnyAsync(r => r.EventId == eventId
            && r.Status != RegistrationStatus.Cancelled
            && (r.NormalizedEmail == normalized || (who.UserId != null && r.UserId == who.UserId)), ct);
        if (exists) return RegistrationOutcome.AlreadyRegistered;

        var (token, hash) = RegistrationTokens.New();
        var registration = new EventRegistration(Guid.NewGuid(), eventId, who.UserId, who.Email, who.DisplayName, hash, who.Culture, now);
        db.Add(registration);
        RegistrationOutcome outcome;
        if (who.UserId is null)
        {
            // An address typed by anyone: it must be confirmed before it holds a seat, and it gets few such mails.
            await mailLimit.EnsureAllowedAsync(who.Email, ct);
            Mail(registration, "Mail.ConfirmAddress", ev, token);
            outcome = RegistrationOutcome.ConfirmationMailed;
        }
        else
        {
            outcome = Queue(ev, registration, token, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    /// <summary>The mailed confirmation link: the address is real, the registrant takes a seat or joins the waitlist.</summary>
    public async Task<RegistrationOutcome> ConfirmAsync(string token, CancellationToken ct = default)
    {
        var found = await FindByTokenAsync(token, ct) ?? throw DomainException.NotFound("UnknownExpiredLink");
        await using var tx = await LockAsync(found.EventId, ct);
        var registration = await db.Set<EventRegistration>().SingleAsync(r => r.Id == found.Id, ct);
        await db.Entry(registration).ReloadAsync(ct);
        if (registration.Status is RegistrationStatus.Confirmed) return RegistrationOutcome.Confirmed;
        if (registration.Status is RegistrationStatus.Waitlisted) return RegistrationOutcome.Waitlisted;
        if (registration.Status is RegistrationStatus.Cancelled) throw DomainException.Rule("RegistrationWasCancelled");
        var ev = await LoadAsync(found.EventId, ct);
        ev.EnsureOpenForRegistration(Now);
        var outcome = Queue(ev, registration, token, Now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    public async Task<RegistrationView?> FindAsync(string token, CancellationToken ct = default)
    {
        var r = await FindByTokenAsync(token, ct);
        if (r is null) return null;
        var ev = await db.Set<Event>().AsNoTracking().Where(e => e.Id == r.EventId).Select(e => new { e.Title, e.StartsAt }).SingleAsync(ct);
        return new RegistrationView(r.Id, r.EventId, ev.Title, ev.StartsAt, r.DisplayName, r.Status);
    }

    /// <summary>Cancels through the mailed link (no account needed).</summary>
    public async Task CancelByTokenAsync(string token, CancellationToken ct = default)
    {
        var found = await FindByTokenAsync(token, ct) ?? throw DomainException.NotFound("UnknownExpiredLink");
        await CancelAsync(found.EventId, r => r.Id == found.Id, ct);
    }

    /// <summary>A signed-in user cancels their own registration from the event page.</summary>
    public Task CancelForUserAsync(Guid eventId, string userId, CancellationToken ct = default)
        => CancelAsync(eventId, r => r.UserId == userId && r.Status != RegistrationStatus.Cancelled, ct);

    public async Task<RegistrationStatus?> StatusOfUserAsync(Guid eventId, string userId, CancellationToken ct = default)
        => await db.Set<EventRegistration>().Where(r => r.EventId == eventId && r.UserId == userId && r.Status != RegistrationStatus.Cancelled)
            .Select(r => (RegistrationStatus?)r.Status).FirstOrDefaultAsync(ct);

    /// <summary>The attendee list for the organiser's export: confirmed first, then the waitlist in order.</summary>
    public async Task<IReadOnlyList<Attendee>> AttendeesAsync(Guid eventId, CancellationToken ct = default)
    {
        var rows = await db.Set<EventRegistration>().AsNoTracking()
            .Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .Select(r => new Attendee(r.DisplayName, r.Email, r.Status, r.CreatedAt, r.QueuedAt))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Status == RegistrationStatus.Confirmed ? 0 : 1).ThenBy(r => r.QueuedAt).ToList();
    }

    private async Task CancelAsync(Guid eventId, System.Linq.Expressions.Expression<Func<EventRegistration, bool>> which, CancellationToken ct)
    {
        var now = Now;
        await using var tx = await LockAsync(eventId, ct);
        var registration = await db.Set<EventRegistration>().Where(r => r.EventId == eventId).Where(which).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("NoRegistrationCancel");
        await db.Entry(registration).ReloadAsync(ct);
        if (registration.Status == RegistrationStatus.Cancelled) return;
        var ev = await LoadAsync(eventId, ct);
        var heldSeat = registration.Status == RegistrationStatus.Confirmed;
        if (registration.Status == RegistrationStatus.Waitlisted) ev.LeaveWaitlist();
        registration.Cancel(now);
        if (heldSeat)
        {
            ev.ReleaseSeat();
            if (ev.StartsAt > now)
            {
                // The seat goes to the first person on the waitlist, who gets the confirmation and the calendar file.
                var next = await db.Set<EventRegistration>()
                    .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted && r.Id != registration.Id)
                    .OrderBy(r => r.QueuedAt).ThenBy(r => r.CreatedAt).FirstOrDefaultAsync(ct);
                if (next is not null)
                {
                    ev.PromoteFromWaitlist();
                    var (token, hash) = RegistrationTokens.New();
                    next.Promote(hash);
                    MailWithCalendar(next, "Mail.Promoted", ev, token);
                }
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private RegistrationOutcome Queue(Event ev, EventRegistration registration, string token, DateTime now)
    {
        var seat = ev.TakeSeatOrWait();
        registration.Queue(seat, now);
        if (seat) MailWithCalendar(registration, "Mail.Confirmed", ev, token);
        else Mail(registration, "Mail.Waitlisted", ev, token);
        return seat ? RegistrationOutcome.Confirmed : RegistrationOutcome.Waitlisted;
    }

    private async Task<IDbContextTransaction> LockAsync(Guid eventId, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Set<Event>().Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.WriteSequence, e => e.WriteSequence + 1), ct);
        if (locked == 0)
        {
            await tx.DisposeAsync();
            throw DomainException.NotFound("UnknownEvent");
        }
        return tx;
    }

    private async Task<Event> LoadAsync(Guid eventId, CancellationToken ct)
    {
        var ev = await db.Set<Event>().SingleAsync(e => e.Id == eventId, ct);
        await db.Entry(ev).ReloadAsync(ct); // read the counts under the lock, not from an earlier snapshot
        return ev;
    }

    private async Task<EventRegistration?> FindByTokenAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = RegistrationTokens.Hash(token);
        return await db.Set<EventRegistration>().AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string Base => links.BaseUrl;

    private Dictionary<string, string> Values(EventRegistration r, Event ev, string token)
    {
        var values = new Dictionary<string, string>
        {
            ["name"] = r.DisplayName,
            ["title"] = ev.Title,
            ["when"] = MailValue.Instant(ev.StartsAt), // shown in the recipient's language and the site's zone
            ["where"] = EventWhere(ev),
            ["url"] = $"{Base}/events/{ev.Id}",
        };
        // One link for the registrant's own page: confirm while pending, cancel afterwards.
        values["confirmUrl"] = values["cancelUrl"] = $"{Base}/events/registration?token={Uri.EscapeDataString(token)}";
        return values;
    }

    private static string EventWhere(Event ev) => string.Join(" · ", new[] { ev.Place, ev.OnlineUrl }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private void Mail(EventRegistration r, string key, Event ev, string token)
        => outbox.Enqueue(Address(r, "EventsText:" + key, Values(r, ev, token)));

    private void MailWithCalendar(EventRegistration r, string key, Event ev, string token)
    {
        var ics = IcsCalendar.Build(new IcsCalendar.Entry(
            EventCalendars.Uid(ev.Id), Now, ev.StartsAt, ev.EndsAt, ev.Title,
            OpenGov.SharedKernel.Text.UserText.MarkdownToPlainText(ev.DescriptionMarkdown ?? "").Trim(), ev.Place ?? ev.OnlineUrl, ev.OnlineUrl ?? $"{Base}/events/{ev.Id}"));
        outbox.Enqueue(Address(r, "EventsText:" + key, Values(r, ev, token)) with
        {
            AttachmentName = "event.ics",
            AttachmentContentType = "text/calendar; charset=utf-8; method=PUBLISH",
            AttachmentContent = ics,
        });
    }

    private static OutgoingMail Address(EventRegistration r, string template, IReadOnlyDictionary<string, string> values)
        => r.UserId is not null
            ? OutgoingMail.FromTemplate(MailCategory, r.UserId, template, values)
            : OutgoingMail.FromTemplateToAddress(MailCategory, r.Email, r.Culture, template, values);
}

public sealed record RegistrationView(Guid Id, Guid EventId, string EventTitle, DateTime StartsAt, string DisplayName, RegistrationStatus Status);
