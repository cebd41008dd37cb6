using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Events;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.Web.Api;

// The open-data shapes. Personal data: only public display names and association names; never e-mails nor user ids.

public sealed record PageDto<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record AxisDto(Guid Id, string Code, string NameFr, string NameAr, string NameEn);

public sealed record PhaseDto(string Kind, DateTime StartsAt, DateTime EndsAt);

public sealed record CycleDto(Guid Id, string Title, string DescriptionMarkdown, int PlanStartYear, int PlanEndYear,
    string? CurrentPhase, IReadOnlyList<AxisDto> Axes, IReadOnlyList<PhaseDto> Phases);

/// <summary>A reasoned response to a proposal (null until the feedback feature publishes one).</summary>
public sealed record ProposalResponseDto(string Decision, string ReasonMarkdown, DateTime RespondedAt);

public sealed record ProposalDto(Guid Id, Guid CycleId, string Title, string Problem, string Solution, Guid AxisId, string Region,
    string ExpectedImpact, string SubmitterType, string AuthorDisplayName, string? AssociationName, DateTime? PublishedAt,
    int SupportCount, int CommentCount, ProposalResponseDto? Response);

public sealed record EventDto(Guid Id, string Title, string DescriptionMarkdown, string Type, string Status, Guid? CycleId, Guid? AxisId,
    DateTime StartsAt, DateTime EndsAt, string TimeZone, string? OnlineUrl, string? Place, string Region, int Capacity, int ConfirmedCount,
    string OrganiserKind, string OrganiserName, string? ReportMarkdown, IReadOnlyList<string> MaterialLinks);

public sealed record NewsDto(Guid Id, string Slug, string Title, string BodyMarkdown, string Language, DateTime? PublishedAt);

/// <summary>Read-only queries behind the /api/v1 endpoints and the /open-data dumps. Keyset-paged, at most 100 items a page.</summary>
public sealed class OpenDataQueries(Microsoft.EntityFrameworkCore.DbContext db, EventCatalogue events, TimeProvider clock)
{
    public const int MaxLimit = 100;

    public async Task<IReadOnlyList<CycleDto>> CyclesAsync(CancellationToken ct)
    {
        var cycles = await db.Set<Cycle>().AsNoTracking().Include(c => c.Axes).Include(c => c.Phases).AsSplitQuery()
            .OrderByDescending(c => c.PlanStartYear).ThenByDescending(c => c.CreatedAt).Take(MaxLimit).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return cycles.Select(c => ToDto(c, now)).ToList();
    }

    public async Task<CycleDto?> CycleAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Cycle>().AsNoTracking().Include(x => x.Axes).Include(x => x.Phases).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : ToDto(c, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Published, visible proposals, oldest publication first.</summary>
    public async Task<PageDto<ProposalDto>> ProposalsAsync(Guid? cycleId, string? cursor, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        var q = db.Set<Proposal>().AsNoTracking().Where(p => p.Status == ProposalStatus.Published && !p.IsHidden && p.PublishedAt != null);
        if (cycleId is not null) q = q.Where(p => p.CycleId == cycleId);
        if (KeysetCursor.TryDecode(cursor, out var at, out var after))
            q = q.Where(p => p.PublishedAt > at || (p.PublishedAt == at && p.Id.CompareTo(after) > 0));
        var rows = await q.OrderBy(p => p.PublishedAt).ThenBy(p => p.Id)
            .Select(p => new ProposalDto(p.Id, p.CycleId, p.Title, p.Problem, p.Solution, p.AxisId, p.Region, p.ExpectedImpact,
                p.SubmitterType.ToString(), p.AuthorDisplayName, p.AssociationName, p.PublishedAt, p.SupportCount, p.CommentCount, null))
            .Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? KeysetCursor.Encode(rows[limit - 1].PublishedAt!.Value, rows[limit - 1].Id) : null;
        return new PageDto<ProposalDto>(rows.Take(limit).ToList(), next);
    }

    public async Task<PageDto<EventDto>> EventsAsync(string? cursor, int limit, CancellationToken ct)
    {
        var page = await events.AllPublicAsync(cursor, limit, ct);
        return new PageDto<EventDto>(page.Items.Select(ToDto).ToList(), page.NextCursor);
    }

    public static EventDto ToDto(EventView e) => new(e.Id, e.Title, e.DescriptionMarkdown, e.Type.ToString(), e.Status.ToString(), e.CycleId,
        e.AxisId, e.StartsAt, e.EndsAt, e.TimeZoneId, e.OnlineUrl, e.Place, e.Region, e.Capacity, e.ConfirmedCount, e.OrganiserKind.ToString(),
        e.OrganiserName, e.ReportMarkdown, Event.Links(e.MaterialLinks));

    private static CycleDto ToDto(Cycle c, DateTime now) => new(c.Id, c.Title, c.DescriptionMarkdown, c.PlanStartYear, c.PlanEndYear,
        c.CurrentPhase(now)?.Kind.ToString(),
        c.Axes.OrderBy(a => a.Order).Select(a => new AxisDto(a.Id, a.Code, a.NameFr, a.NameAr, a.NameEn)).ToList(),
        c.Phases.OrderBy(p => p.StartsAt).Select(p => new PhaseDto(p.Kind.ToString(), p.StartsAt, p.EndsAt)).ToList());

    /// <summary>Every page of a keyset query, for the full dumps (streamed, never loaded at once).</summary>
    public static async IAsyncEnumerable<T> AllAsync<T>(Func<string?, Task<PageDto<T>>> page)
    {
        string? cursor = null;
        do
        {
            var p = await page(cursor);
            foreach (var item in p.Items) yield return item;
            cursor = p.NextCursor;
        } while (cursor is not null);
    }
}
