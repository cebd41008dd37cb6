using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.Consultation.Events;

public sealed record EventSummary(Guid Id, string Title, EventType Type, DateTime StartsAt, DateTime EndsAt, string TimeZoneId,
    string Region, string? Place, bool Online, string OrganiserName, Guid? AxisId, int Capacity, int ConfirmedCount, EventStatus Status);

public sealed record EventView(Guid Id, string Title, string DescriptionMarkdown, EventType Type, Guid? CycleId, Guid? AxisId,
    DateTime StartsAt, DateTime EndsAt, string TimeZoneId, string? OnlineUrl, string? Place, string Region, int Capacity,
    int ConfirmedCount, int WaitlistCount, OrganiserKind OrganiserKind, string OrganiserName, string? OrganiserUserId, EventStatus Status,
    string? ReportMarkdown, string? MaterialLinks);

public enum EventTimeFilter { Upcoming, Past }

/// <summary>Read side of events: public lists (keyset-paged), the Open Gov Week programme, one event.</summary>
public sealed class EventCatalogue(DbContext db)
{
    public const int MaxPageSize = 100;

    /// <summary>Published and cancelled events (a cancelled one stays visible, marked), upcoming soonest first or past latest first.</summary>
    public async Task<KeysetPage<EventSummary>> ListAsync(EventTimeFilter when, DateTime now, EventType? type, string? cursor, int limit,
        CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var q = db.Set<Event>().AsNoTracking().Where(e => e.Status == EventStatus.Published || e.Status == EventStatus.Cancelled);
        if (type is not null) q = q.Where(e => e.Type == type);
        var hasCursor = KeysetCursor.TryDecode(cursor, out var at, out var id);
        if (when == EventTimeFilter.Upcoming)
        {
            q = q.Where(e => e.EndsAt > now);
            if (hasCursor) q = q.Where(e => e.StartsAt > at || (e.StartsAt == at && e.Id.CompareTo(id) > 0));
            q = q.OrderBy(e => e.StartsAt).ThenBy(e => e.Id);
        }
        else
        {
            q = q.Where(e => e.EndsAt <= now);
            if (hasCursor) q = q.Where(e => e.StartsAt < at || (e.StartsAt == at && e.Id.CompareTo(id) < 0));
            q = q.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id);
        }
        var rows = await Project(q).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? KeysetCursor.Encode(rows[limit - 1].StartsAt, rows[limit - 1].Id) : null;
        return new KeysetPage<EventSummary>(rows.Take(limit).ToList(), next);
    }

    /// <summary>All public events of every status for the open-data API, oldest first (stable keyset order).</summary>
    public async Task<KeysetPage<EventView>> AllPublicAsync(string? cursor, int limit, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var q = db.Set<Event>().AsNoTracking().Where(e => e.Status == EventStatus.Published || e.Status == EventStatus.Cancelled);
        if (KeysetCursor.TryDecode(cursor, out var at, out var id))
            q = q.Where(e => e.StartsAt > at || (e.StartsAt == at && e.Id.CompareTo(id) > 0));
        var rows = await ProjectView(q.OrderBy(e => e.StartsAt).ThenBy(e => e.Id)).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? KeysetCursor.Encode(rows[limit - 1].StartsAt, rows[limit - 1].Id) : null;
        return new KeysetPage<EventView>(rows.Take(limit).ToList(), next);
    }

    /// <summary>The Open Gov Week programme: accepted events, by start, optionally of one region and one theme (axis).</summary>
    public async Task<IReadOnlyList<EventSummary>> ProgrammeAsync(string? region, Guid? axisId, CancellationToken ct = default)
    {
        var q = db.Set<Event>().AsNoTracking().Where(e => e.Type == EventType.OpenGovWeek && e.Status == EventStatus.Published);
        if (!string.IsNullOrWhiteSpace(region)) q = q.Where(e => e.Region == region);
        if (axisId is not null) q = q.Where(e => e.AxisId == axisId);
        return await Project(q.OrderBy(e => e.StartsAt).ThenBy(e => e.Id)).Take(500).ToListAsync(ct);
    }

    /// <summary>A public event (published or cancelled), or null.</summary>
    public Task<EventView?> PublicAsync(Guid id, CancellationToken ct = default)
        => ProjectView(db.Set<Event>().AsNoTracking().Where(e => e.Id == id && (e.Status == EventStatus.Published || e.Status == EventStatus.Cancelled)))
            .FirstOrDefaultAsync(ct);

    /// <summary>Any event whatever its status (staff pages).</summary>
    public Task<EventView?> AnyAsync(Guid id, CancellationToken ct = default)
        => ProjectView(db.Set<Event>().AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(ct);

    private static IQueryable<EventSummary> Project(IQueryable<Event> q) => q.Select(e => new EventSummary(e.Id, e.Title, e.Type, e.StartsAt,
        e.EndsAt, e.TimeZoneId, e.Region, e.Place, e.OnlineUrl != null, e.OrganiserName, e.AxisId, e.Capacity, e.ConfirmedCount, e.Status));

    private static IQueryable<EventView> ProjectView(IQueryable<Event> q) => q.Select(e => new EventView(e.Id, e.Title, e.DescriptionMarkdown,
        e.Type, e.CycleId, e.AxisId, e.StartsAt, e.EndsAt, e.TimeZoneId, e.OnlineUrl, e.Place, e.Region, e.Capacity, e.ConfirmedCount,
        e.WaitlistCount, e.OrganiserKind, e.OrganiserName, e.OrganiserUserId, e.Status, e.ReportMarkdown, e.MaterialLinks));
}
