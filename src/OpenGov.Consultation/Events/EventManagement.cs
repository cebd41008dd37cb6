using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Search;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Consultation.Events;

/// <summary>Staff-side use cases: create events, record materials after them, cancel them. Published events are indexed.</summary>
public sealed class EventManagement(DbContext db, ISearchIndex search, IAuditLog audit, TimeProvider clock)
{
    public async Task<Guid> CreateAsync(EventDetails details, string organiserName, string actorUserId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ev = Event.CreatePublished(Guid.NewGuid(), details, organiserName, actorUserId, now);
        db.Add(ev);
        await EventIndexing.IndexAsync(search, ev, ct);
        audit.Record(actorUserId, "event.created", "event", ev.Id.ToString());
        await db.SaveChangesAsync(ct);
        return ev.Id;
    }

    public async Task RecordMaterialsAsync(Guid eventId, string? reportMarkdown, string? links, string actorUserId, CancellationToken ct = default)
    {
        var ev = await db.Set<Event>().SingleOrDefaultAsync(e => e.Id == eventId, ct) ?? throw DomainException.NotFound("UnknownEvent");
        ev.RecordMaterials(reportMarkdown, links, clock.GetUtcNow().UtcDateTime);
        await EventIndexing.IndexAsync(search, ev, ct);
        audit.Record(actorUserId, "event.materials", "event", ev.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    public async Task CancelAsync(Guid eventId, string actorUserId, CancellationToken ct = default)
    {
        var ev = await db.Set<Event>().SingleOrDefaultAsync(e => e.Id == eventId, ct) ?? throw DomainException.NotFound("UnknownEvent");
        ev.Cancel(clock.GetUtcNow().UtcDateTime);
        await search.RemoveAsync(SearchKinds.Event, ev.Id.ToString(), ct);
        audit.Record(actorUserId, "event.cancelled", "event", ev.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Staff may manage an event they organise; moderators and administrators may manage all (checked by the caller).</summary>
    public Task<bool> IsOrganiserAsync(Guid eventId, string userId, CancellationToken ct = default)
        => db.Set<Event>().AnyAsync(e => e.Id == eventId && e.OrganiserUserId == userId, ct);
}

/// <summary>
/// Open Gov Week: outside organisers (associations, administrations, universities) submit events with no account;
/// a moderator accepts (published, indexed) or rejects with a reason; the submitter is told by e-mail either way.
/// </summary>
public sealed class OpenGovWeekSubmissions(DbContext db, ISearchIndex search, IAuditLog audit, IOutbox outbox, TimeProvider clock,
    SiteLinks links, AddressMailLimit mailLimit)
{
    public const string MailCategory = "event.submission";

    public async Task<Guid> SubmitAsync(EventDetails details, OrganiserKind kind, string organiserName, string contactEmail, string culture,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ev = Event.Submit(Guid.NewGuid(), details with { Type = EventType.OpenGovWeek }, kind, organiserName, contactEmail, culture, now);
        await mailLimit.EnsureAllowedAsync(ev.ContactEmail!, ct);
        db.Add(ev);
        // The address is not verified: the receipt carries none of the submitter's text (no relay of chosen words).
        outbox.Enqueue(OutgoingMail.FromTemplateToAddress(MailCategory, ev.ContactEmail!, culture, "EventsText:Mail.SubmissionReceived",
            new Dictionary<string, string>()));
        audit.Record(null, "event.submitted", "event", ev.Id.ToString(), ev.OrganiserName);
        await db.SaveChangesAsync(ct);
        return ev.Id;
    }

    public async Task<IReadOnlyList<PendingSubmission>> PendingAsync(CancellationToken ct = default)
        => await db.Set<Event>().AsNoTracking().Where(e => e.Status == EventStatus.PendingReview)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => new PendingSubmission(e.Id, e.Title, e.DescriptionMarkdown, e.OrganiserName, e.OrganiserKind, e.ContactEmail ?? "",
                e.StartsAt, e.EndsAt, e.TimeZoneId, e.Region, e.Place, e.OnlineUrl, e.CreatedAt))
            .Take(200).ToListAsync(ct);

    public async Task AcceptAsync(Guid eventId, string moderatorUserId, CancellationToken ct = default)
    {
        var ev = await PendingAsync(eventId, ct);
        ev.Accept(moderatorUserId, clock.GetUtcNow().UtcDateTime);
        await EventIndexing.IndexAsync(search, ev, ct);
        Notify(ev, "Mail.SubmissionAccepted", new() { ["url"] = links.To($"/events/{ev.Id}") });
        audit.Record(moderatorUserId, "event.accepted", "event", ev.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    public async Task RejectAsync(Guid eventId, string moderatorUserId, string reason, CancellationToken ct = default)
    {
        var ev = await PendingAsync(eventId, ct);
        ev.Reject(moderatorUserId, reason, clock.GetUtcNow().UtcDateTime);
        await search.RemoveAsync(SearchKinds.Event, ev.Id.ToString(), ct);
        Notify(ev, "Mail.SubmissionRejected", new() { ["reason"] = ev.RejectionReason! });
        audit.Record(moderatorUserId, "event.rejected", "event", ev.Id.ToString(), ev.RejectionReason);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Event> PendingAsync(Guid eventId, CancellationToken ct)
        => await db.Set<Event>().SingleOrDefaultAsync(e => e.Id == eventId && e.Type == EventType.OpenGovWeek, ct)
            ?? throw DomainException.NotFound("UnknownSubmission");

    private void Notify(Event ev, string key, Dictionary<string, string> values)
    {
        values["title"] = ev.Title;
        values["organiser"] = ev.OrganiserName;
        // The submitter has no account: the decision goes to the contact address, in the language of the submission.
        outbox.Enqueue(OutgoingMail.FromTemplateToAddress(MailCategory, ev.ContactEmail!, ev.ContactCulture, "EventsText:" + key, values));
    }
}

public sealed record PendingSubmission(Guid Id, string Title, string DescriptionMarkdown, string OrganiserName, OrganiserKind OrganiserKind,
    string ContactEmail, DateTime StartsAt, DateTime EndsAt, string TimeZoneId, string Region, string? Place, string? OnlineUrl, DateTime CreatedAt);

internal static class EventIndexing
{
    /// <summary>Only published events are indexed; the body carries the description, the organiser, the place and the report.</summary>
    public static Task IndexAsync(ISearchIndex search, Event ev, CancellationToken ct)
    {
        if (!ev.IsPublic) return search.RemoveAsync(SearchKinds.Event, ev.Id.ToString(), ct);
        var body = string.Join("\n", new[]
        {
            OpenGov.SharedKernel.Text.UserText.MarkdownToPlainText(ev.DescriptionMarkdown ?? ""), ev.OrganiserName, ev.Place,
            ev.ReportMarkdown is null ? null : OpenGov.SharedKernel.Text.UserText.MarkdownToPlainText(ev.ReportMarkdown),
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return search.UpsertAsync(SearchKinds.Event, ev.Id.ToString(), ev.Title, body, $"/events/{ev.Id}", ct);
    }
}
