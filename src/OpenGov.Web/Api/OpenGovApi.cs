using OpenGov.SharedKernel.Csv;
using System.Text.Json;
using OpenGov.Consultation.OpenData;
using OpenGov.Tracking.Plans;

namespace OpenGov.Web.Api;

/// <summary>
/// The read-only open-data API (/api/v1, described at /openapi/v1.json) and the downloadable dumps of /open-data.
/// Lists are keyset-paged: pass the previous page's nextCursor as ?cursor=, limit is 1..100 (default 50).
/// Each group is a small method so other features (commitment sheets, plans, meetings) add theirs beside it.
/// </summary>
public static class OpenGovApi
{
    public static IEndpointRouteBuilder MapOpenGovApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        var api = endpoints.MapGroup("/api/v1").RequireRateLimiting(PublicSiteServices.ApiRateLimit).WithTags("Open data").WithProblemResponses();
        MapCycles(api);
        MapProposals(api);
        MapEvents(api);
        MapSheets(api);
        MapPlansAndMeetings(api);
        MapNews(api);
        MapTrace(api);
        MapCalendars(endpoints.MapGroup("/events").RequireRateLimiting(PublicSiteServices.ApiRateLimit).WithTags("Calendars").WithProblemResponses());
        MapDumps(endpoints.MapGroup("/open-data").RequireRateLimiting(PublicSiteServices.ApiRateLimit).ExcludeFromDescription().WithProblemResponses());
        return endpoints;
    }

    private const string Paging = " Keyset-paged: pass the previous page's nextCursor as ?cursor= (an unreadable cursor reads as the first page); " +
        "limit is 1..100 (default 50); a non-numeric limit is a 400 problem.";

    private static void MapCycles(RouteGroupBuilder api)
    {
        api.MapGet("/cycles", async (ConsultationOpenData q, CancellationToken ct) => TypedResults.Ok(await q.CyclesAsync(ct)))
            .WithName("ListCycles").WithSummary("List co-creation cycles")
            .WithDescription("Published co-creation cycles with their axes and dated phases, latest first (drafts are never listed).");
        api.MapGet("/cycles/{id:guid}", async Task<IResult> (Guid id, ConsultationOpenData q, CancellationToken ct)
                => await q.CycleAsync(id, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound())
            .WithName("GetCycle").Produces<CycleDto>().WithSummary("Get a co-creation cycle")
            .WithDescription("One published cycle with its axes and phases; 404 when it does not exist or is a draft.");
        api.MapGet("/cycles/{id:guid}/standards", async Task<IResult> (Guid id, OpenGov.Consultation.Standards.CycleStandards q, CancellationToken ct)
                => await q.CheckAsync(id, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound())
            .WithName("GetCycleStandards").Produces<OpenGov.Consultation.Standards.StandardsChecklist>()
            .WithSummary("Get a cycle's OGP standards checklist")
            .WithDescription("The OGP Participation and Co-Creation Standards checklist of a cycle, computed now from the platform's records: " +
                "per requirement (Forum, Parity, Timeline, Windows, Responses, Repository, Updates) a status (Met, Partly, NotMet), " +
                "the measured figures and links to the evidence.");
        api.MapGet("/cycles/{id:guid}/workshops", async Task<IResult> (Guid id, OpenGov.Consultation.Workshops.WorkshopFigures q, ConsultationOpenData cycles, CancellationToken ct)
                => await cycles.CycleAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await q.ForCycleAsync(id, ct)))
            .WithName("GetCycleWorkshops").Produces<OpenGov.Consultation.Workshops.WorkshopChannels>()
            .WithSummary("Get a cycle's ideas by channel and its workshops")
            .WithDescription("Public ideas of a cycle counted by channel (online vs regional workshops) and region, and the workshops held " +
                "(region, date, head count, participants named with their consent, public ideas).");
    }

    private static void MapProposals(RouteGroupBuilder api)
        => api.MapGet("/proposals", async (Guid? cycleId, string? cursor, int? limit, ConsultationOpenData q, CancellationToken ct)
                => TypedResults.Ok(PageDto.From(await q.ProposalsAsync(cycleId, cursor, limit ?? 50, ct))))
            .WithName("ListProposals").WithSummary("List published proposals")
            .WithDescription("Published proposals (with their reasoned response when there is one), oldest first; filter by cycleId." + Paging);

    private static void MapSheets(RouteGroupBuilder api)
        => api.MapGet("/sheets", async (Guid? cycleId, string? cursor, int? limit, ConsultationOpenData q, CancellationToken ct)
                => TypedResults.Ok(PageDto.From(await q.SheetsAsync(cycleId, cursor, limit ?? 50, ct))))
            .WithName("ListSheets").WithSummary("List published commitment sheets")
            .WithDescription("Published commitment sheets with their published versions, public comments and how each was handled, " +
                "and whether the sheet was retained (null until the selection is published); filter by cycleId." + Paging);

    private static void MapPlansAndMeetings(RouteGroupBuilder api)
    {
        api.MapGet("/plans", async (PlanOpenData q, CancellationToken ct) => TypedResults.Ok(await q.PlansAsync(ct)))
            .WithName("ListPlans").WithSummary("List adopted action plans")
            .WithDescription("Adopted action plans with their overall implementation rate (0–100, unrounded) and links to their progress and exports.");
        api.MapGet("/meetings", async (string? cursor, int? limit, ConsultationOpenData q, CancellationToken ct)
                => TypedResults.Ok(PageDto.From(await q.MeetingsAsync(cursor, limit ?? 50, ct))))
            .WithName("ListMeetings").WithSummary("List committee meetings")
            .WithDescription("Committee meetings with published minutes and their decisions, latest first." + Paging);
    }

    private static void MapEvents(RouteGroupBuilder api)
        => api.MapGet("/events", async (string? cursor, int? limit, ConsultationOpenData q, CancellationToken ct)
                => TypedResults.Ok(PageDto.From(await q.EventsAsync(cursor, limit ?? 50, ct))))
            .WithName("ListEvents").WithSummary("List public events")
            .WithDescription("Public events (webinars, workshops, Open Gov Week, committee meetings) with their materials." + Paging);

    private static void MapNews(RouteGroupBuilder api)
        => api.MapGet("/news", async (string? lang, string? cursor, int? limit, ConsultationOpenData q, CancellationToken ct)
                => TypedResults.Ok(PageDto.From(await q.NewsAsync(lang, cursor, limit ?? 50, ct))))
            .WithName("ListNews").WithSummary("List published news")
            .WithDescription("Published news, newest first, in French, Arabic or English (lang=fr|ar|en; French when not translated)." + Paging);

    private static void MapTrace(RouteGroupBuilder api)
    {
        api.MapGet("/proposals/{id:guid}/trace", async Task<IResult> (Guid id, TraceApi q, CancellationToken ct)
                => await q.FromIdeaAsync(id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound())
            .WithName("TraceProposal").Produces<TraceDto>().WithSummary("Trace a proposal")
            .WithDescription("Where a published idea went: its reasoned response, the sheet that integrated it, the adopted commitment and its activities. " +
                "404 when the idea is not public or has no published response.");
        api.MapGet("/sheets/{id:guid}/trace", async Task<IResult> (Guid id, TraceApi q, CancellationToken ct)
                => await q.FromSheetAsync(id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound())
            .WithName("TraceSheet").Produces<TraceDto>().WithSummary("Trace a commitment sheet")
            .WithDescription("A published commitment sheet's trail: the ideas it integrated, the commitment it became and its activities.");
        api.MapGet("/commitments/{id:guid}/trace", async Task<IResult> (Guid id, TraceApi q, CancellationToken ct)
                => await q.FromCommitmentAsync(id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound())
            .WithName("TraceCommitment").Produces<TraceDto>().WithSummary("Trace a commitment")
            .WithDescription("A published commitment's trail back: its activities, the sheet it was adopted from and the ideas that sheet integrated.");
    }

    /// <summary>iCalendar (RFC 5545): one public event, and the feed of public events to subscribe to.</summary>
    private static void MapCalendars(RouteGroupBuilder events)
    {
        const string Ics = "text/calendar; charset=utf-8";
        events.MapGet("/{id:guid}/event.ics", async Task<IResult> (Guid id, OpenGov.Consultation.Events.EventCalendars calendars, CancellationToken ct)
                => await calendars.EventAsync(id, ct) is { } ics
                    ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), Ics, $"event-{id:N}.ics")
                    : TypedResults.NotFound())
            .WithName("EventCalendar").Produces<string>(200, contentType: "text/calendar").WithSummary("Download a public event as iCalendar")
            .WithDescription("One public event as an iCalendar file (UTC times, the same UID as the invitations mailed to registrants).");
        events.MapGet("/calendar.ics", async (OpenGov.Consultation.Events.EventCalendars calendars, Microsoft.Extensions.Options.IOptions<OpenGov.Web.Infrastructure.SiteOptions> site,
                CancellationToken ct) => TypedResults.Text(await calendars.FeedAsync(site.Value.Name, ct), Ics))
            .WithName("EventsCalendarFeed").Produces<string>(200, contentType: "text/calendar").WithSummary("Subscribe to the public events calendar")
            .WithDescription($"The iCalendar feed of public events (the latest {OpenGov.Consultation.Events.EventCalendars.FeedSize} by start), to subscribe to in a calendar application.");
    }

    private static void MapDumps(RouteGroupBuilder dumps)
    {
        dumps.MapGet("/cycles/{id:guid}/proposals.json", (Guid id, ConsultationOpenData q, HttpContext http, CancellationToken ct)
            => JsonDump(http, $"proposals-{id:N}.json", OpenDataPages.AllAsync<ProposalDto>(c => q.ProposalsAsync(id, c, OpenDataPages.MaxLimit, ct)), ct));
        dumps.MapGet("/cycles/{id:guid}/proposals.csv", (Guid id, ConsultationOpenData q, HttpContext http, CancellationToken ct)
            => CsvDump(http, $"proposals-{id:N}.csv",
                ["id", "cycleId", "title", "problem", "solution", "axisId", "region", "expectedImpact", "submitterType", "authorDisplayName",
                 "associationName", "publishedAt", "supportCount", "commentCount"],
                OpenDataPages.AllAsync<ProposalDto>(c => q.ProposalsAsync(id, c, OpenDataPages.MaxLimit, ct)),
                p => [p.Id, p.CycleId, p.Title, p.Problem, p.Solution, p.AxisId, p.Region, p.ExpectedImpact, p.SubmitterType,
                    p.AuthorDisplayName, p.AssociationName, p.PublishedAt, p.SupportCount, p.CommentCount], ct));
        dumps.MapGet("/events.json", (ConsultationOpenData q, HttpContext http, CancellationToken ct)
            => JsonDump(http, "events.json", OpenDataPages.AllAsync<EventDto>(c => q.EventsAsync(c, OpenDataPages.MaxLimit, ct)), ct));
        dumps.MapGet("/events.csv", (ConsultationOpenData q, HttpContext http, CancellationToken ct)
            => CsvDump(http, "events.csv",
                ["id", "title", "type", "status", "startsAt", "endsAt", "timeZone", "region", "place", "onlineUrl", "capacity", "confirmedCount",
                 "organiserKind", "organiserName", "materialLinks"],
                OpenDataPages.AllAsync<EventDto>(c => q.EventsAsync(c, OpenDataPages.MaxLimit, ct)),
                e => [e.Id, e.Title, e.Type, e.Status, e.StartsAt, e.EndsAt, e.TimeZone, e.Region, e.Place, e.OnlineUrl, e.Capacity,
                    e.ConfirmedCount, e.OrganiserKind, e.OrganiserName, string.Join(' ', e.MaterialLinks)], ct));
    }

    private static async Task JsonDump<T>(HttpContext http, string fileName, IAsyncEnumerable<T> items, CancellationToken ct)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        await JsonSerializer.SerializeAsync(http.Response.Body, items, options, ct);
    }

    private static Task CsvDump<T>(HttpContext http, string fileName, IReadOnlyList<string> header, IAsyncEnumerable<T> rows,
        Func<T, object?[]> cells, CancellationToken ct)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return CsvTable.WriteAsync(http.Response.Body, header, rows, cells, ct);
    }
}
