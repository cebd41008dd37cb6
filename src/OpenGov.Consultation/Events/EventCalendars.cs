using OpenGov.SharedKernel.Links;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.Events;

/// <summary>
/// Public events as iCalendar: one event's .ics (the download on its page) and the feed of public events to subscribe to.
/// Same UID as the invitations mailed to registrants, so a calendar merges them instead of showing duplicates.
/// </summary>
public sealed class EventCalendars(EventCatalogue catalogue, SiteLinks links, TimeProvider clock)
{
    /// <summary>Events the feed carries at most (the latest by start); older ones are in the open-data API.</summary>
    public const int FeedSize = 500;

    public async Task<string?> EventAsync(Guid id, CancellationToken ct = default)
        => await catalogue.PublicAsync(id, ct) is { } e ? IcsCalendar.Build(Entry(e)) : null;

    public async Task<string> FeedAsync(string name, CancellationToken ct = default)
    {
        var all = new List<EventView>();
        string? cursor = null;
        do
        {
            var page = await catalogue.AllPublicAsync(cursor, EventCatalogue.MaxPageSize, ct);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return IcsCalendar.Feed(all.OrderByDescending(e => e.StartsAt).Take(FeedSize).Select(Entry), name);
    }

    public static string Uid(Guid eventId) => $"{eventId:N}@opengov";

    private IcsCalendar.Entry Entry(EventView e) => new(Uid(e.Id), clock.GetUtcNow().UtcDateTime, e.StartsAt, e.EndsAt, e.Title,
        UserText.MarkdownToPlainText(e.DescriptionMarkdown ?? "").Trim(), e.Place ?? e.OnlineUrl, links.To($"/events/{e.Id}"),
        Cancelled: e.Status == EventStatus.Cancelled);
}
