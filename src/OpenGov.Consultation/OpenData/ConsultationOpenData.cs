using OpenGov.SharedKernel.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Content;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Events;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Meetings;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Sheets;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.Consultation.OpenData;

/// <summary>The consultation's read-only open data behind /api/v1 and the /open-data dumps. Keyset-paged, at most 100 items a page.
/// A read model over the features: nothing in the module depends on it.</summary>
public sealed class ConsultationOpenData(DbContext db, EventCatalogue events, ContentCatalogue content, TimeProvider clock)
{
    public const int MaxLimit = 100;

    public async Task<IReadOnlyList<CycleDto>> CyclesAsync(CancellationToken ct)
    {
        var cycles = await db.Set<Cycle>().AsNoTracking().Where(Cycle.Published).Include(c => c.Axes).Include(c => c.Phases).AsSplitQuery()
            .OrderByDescending(c => c.PlanStartYear).ThenByDescending(c => c.CreatedAt).Take(MaxLimit).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return cycles.Select(c => ToDto(c, now)).ToList();
    }

    public async Task<CycleDto?> CycleAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Cycle>().AsNoTracking().Where(Cycle.Published).Include(x => x.Axes).Include(x => x.Phases).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : ToDto(c, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Published, visible proposals, oldest publication first.</summary>
    public async Task<KeysetPage<ProposalDto>> ProposalsAsync(Guid? cycleId, string? cursor, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        var q = db.Set<Proposal>().AsNoTracking().WherePublic().Where(p => p.PublishedAt != null);
        if (cycleId is not null) q = q.Where(p => p.CycleId == cycleId);
        if (KeysetCursor.TryDecode(cursor, out var at, out var after))
            q = q.Where(p => p.PublishedAt > at || (p.PublishedAt == at && p.Id.CompareTo(after) > 0));
        var rows = await (from p in q.OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).Take(limit + 1)
                          join r in db.Set<ProposalResponse>().Where(r => r.IsPublished) on p.Id equals r.ProposalId into rs
                          from r in rs.DefaultIfEmpty()
                          orderby p.PublishedAt, p.Id
                          select new ProposalDto(p.Id, p.CycleId, p.Title, p.Problem, p.Solution, p.AxisId, p.Region, p.ExpectedImpact,
                              p.SubmitterType.ToString(), p.AuthorDisplayName, p.AssociationName, p.PublishedAt, p.SupportCount, p.CommentCount,
                              r == null ? null : new ProposalResponseDto(r.State.ToString(), r.JustificationMarkdown, r.PublishedAt ?? r.UpdatedAt, r.SheetId),
                              p.WorkshopId, p.WorkshopTitle))
            .ToListAsync(ct);
        var next = rows.Count > limit ? KeysetCursor.Encode(rows[limit - 1].PublishedAt!.Value, rows[limit - 1].Id) : null;
        return new KeysetPage<ProposalDto>(rows.Take(limit).ToList(), next);
    }

    /// <summary>Published sheets, first publication first, with their published versions and public comments (two more queries per page).</summary>
    public async Task<KeysetPage<SheetDto>> SheetsAsync(Guid? cycleId, string? cursor, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        var q = db.Set<Sheet>().AsNoTracking().Where(s => s.CurrentVersion > 0 && s.FirstPublishedAt != null);
        if (cycleId is not null) q = q.Where(s => s.CycleId == cycleId);
        if (KeysetCursor.TryDecode(cursor, out var at, out var after))
            q = q.Where(s => s.FirstPublishedAt > at || (s.FirstPublishedAt == at && s.Id.CompareTo(after) > 0));
        var sheets = await q.OrderBy(s => s.FirstPublishedAt).ThenBy(s => s.Id).Take(limit + 1)
            .Join(db.Set<Agency>(), s => s.AgencyId, a => a.Id, (s, a) => new
            {
                s.Id, s.CycleId, Title = s.PublishedTitle!, Agency = a.Name, FirstPublishedAt = s.FirstPublishedAt!.Value, s.ConsultationOpensAt,
                s.ConsultationClosesAt, s.IsSelected,
                SelectionPublished = db.Set<CycleSelection>().Any(c => c.CycleId == s.CycleId),
            })
            .OrderBy(s => s.FirstPublishedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var page = sheets.Take(limit).ToList();
        var ids = page.Select(s => s.Id).ToList();
        var versions = (await db.Set<SheetVersion>().AsNoTracking().Where(v => ids.Contains(v.SheetId)).OrderBy(v => v.Number)
            .Select(v => new { v.SheetId, v.Number, v.ChangeNote, v.PublishedAt, v.ContentJson }).ToListAsync(ct)).ToLookup(v => v.SheetId);
        var comments = (await db.Set<SheetComment>().AsNoTracking().Where(c => ids.Contains(c.SheetId)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.SheetId, Dto = new SheetCommentDto(c.Id, c.SectionKey, c.OnVersion, c.AuthorName, c.AssociationName, c.Body, c.CreatedAt,
                c.Reply, c.RepliedAt, c.Handling.ToString(), c.HandlingReason, c.HandledInVersion) }).ToListAsync(ct)).ToLookup(c => c.SheetId, c => c.Dto);
        var items = page.Select(s =>
        {
            var published = versions[s.Id].Select(v => (v, Content: SheetContent.FromJson(v.ContentJson))).ToList();
            return new SheetDto(s.Id, s.CycleId, s.Title, s.Agency, s.FirstPublishedAt, s.ConsultationOpensAt, s.ConsultationClosesAt,
                s.SelectionPublished ? s.IsSelected : null,
                published.Select(x => new SheetVersionDto(x.v.Number, x.v.ChangeNote, x.v.PublishedAt, JsonDocument.Parse(x.v.ContentJson).RootElement.Clone(),
                    x.Content.Texts().ToDictionary(t => t.Key, t => LocalizedTextDto.From(t.Value)))).ToList(),
                comments[s.Id].ToList(), published.Count > 0 ? LocalizedTextDto.From(published[^1].Content.TitleText) : null);
        }).ToList();
        var next = sheets.Count > limit ? KeysetCursor.Encode(page[^1].FirstPublishedAt, page[^1].Id) : null;
        return new KeysetPage<SheetDto>(items, next);
    }

    /// <summary>Meetings with published minutes, latest publication first, with their decisions (one more query per page).</summary>
    public async Task<KeysetPage<MeetingDto>> MeetingsAsync(string? cursor, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        var q = db.Set<Meeting>().AsNoTracking().Where(m => m.Status == MinutesStatus.Published && m.PublishedAt != null);
        if (KeysetCursor.TryDecode(cursor, out var at, out var after))
            q = q.Where(m => m.PublishedAt < at || (m.PublishedAt == at && m.Id.CompareTo(after) < 0));
        var rows = await q.OrderByDescending(m => m.PublishedAt).ThenByDescending(m => m.Id).Take(limit + 1)
            .Select(m => new { m.Id, m.Committee, m.Title, m.HeldOn, m.Place, m.IsRemote, PublishedAt = m.PublishedAt!.Value, m.MinutesMarkdown })
            .ToListAsync(ct);
        var page = rows.Take(limit).ToList();
        var ids = page.Select(m => m.Id).ToList();
        var decisions = (await db.Set<Decision>().AsNoTracking().Where(d => ids.Contains(d.MeetingId)).OrderBy(d => d.Order)
            .Select(d => new { d.MeetingId, Dto = new DecisionDto(d.Text, d.OwnerOrganisation, d.OwnerName, d.DueOn, d.Status.ToString(), d.ProgressNote) })
            .ToListAsync(ct)).ToLookup(d => d.MeetingId, d => d.Dto);
        var next = rows.Count > limit ? KeysetCursor.Encode(page[^1].PublishedAt, page[^1].Id) : null;
        return new KeysetPage<MeetingDto>(page.Select(m => new MeetingDto(m.Id, m.Committee.ToString(), m.Title, m.HeldOn, m.Place, m.IsRemote,
            m.PublishedAt, m.MinutesMarkdown, decisions[m.Id].ToList())).ToList(), next);
    }

    public async Task<KeysetPage<EventDto>> EventsAsync(string? cursor, int limit, CancellationToken ct)
    {
        var page = await events.AllPublicAsync(cursor, limit, ct);
        return new KeysetPage<EventDto>(page.Items.Select(ToDto).ToList(), page.NextCursor);
    }

    /// <summary>Published news, newest first, in French, Arabic or English (French when not translated).</summary>
    public async Task<KeysetPage<NewsDto>> NewsAsync(string? lang, string? cursor, int limit, CancellationToken ct)
    {
        var language = lang is "ar" or "en" ? lang : "fr";
        var page = await content.NewsAsync(language, cursor, limit, ct);
        return new KeysetPage<NewsDto>(page.Items.Select(n => new NewsDto(n.Id, n.Slug, n.Title, n.BodyMarkdown,
            n.Translated ? language : "fr", n.PublishedAt, LocalizedTextDto.From(n.Titles), LocalizedTextDto.From(n.Bodies))).ToList(), page.NextCursor);
    }

    public static EventDto ToDto(EventView e) => new(e.Id, e.Title, e.DescriptionMarkdown, e.Type.ToString(), e.Status.ToString(), e.CycleId,
        e.AxisId, e.StartsAt, e.EndsAt, e.TimeZoneId, e.OnlineUrl, e.Place, e.Region, e.Capacity, e.ConfirmedCount, e.OrganiserKind.ToString(),
        e.OrganiserName, e.ReportMarkdown, Event.Links(e.MaterialLinks));

    private static CycleDto ToDto(Cycle c, DateTime now) => new(c.Id, c.Title, c.DescriptionMarkdown, c.PlanStartYear, c.PlanEndYear,
        c.CurrentPhase(now)?.Kind.ToString(),
        c.Axes.OrderBy(a => a.Order).Select(a => new AxisDto(a.Id, a.Code, a.NameFr, a.NameAr, a.NameEn, LocalizedTextDto.From(a.NameText))).ToList(),
        c.Phases.OrderBy(p => p.StartsAt).Select(p => new PhaseDto(p.Kind.ToString(), p.StartsAt, p.EndsAt)).ToList(),
        LocalizedTextDto.From(c.TitleText), LocalizedTextDto.From(c.DescriptionText));
}
