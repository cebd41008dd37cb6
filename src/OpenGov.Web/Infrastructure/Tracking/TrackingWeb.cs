using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Csv;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenGov.Tracking;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Infrastructure.Tracking;

/// <summary>Web-side pieces of the tracking module: the lead directory over Identity, the reminders worker, the read API and the downloads.</summary>
public static class TrackingWeb
{
    public static IServiceCollection AddTrackingWeb(this IServiceCollection services)
    {
        services.AddScoped<ILeadDirectory, IdentityLeadDirectory>();
        services.AddSingleton<PlanReportDocx>();
        // Replaces the public site's "no plan yet" default (registered with TryAdd).
        services.AddScoped<Api.IPlanSummary, TrackingPlanSummary>();
        // Replaces the standards checklist's "no plan" default the same way.
        services.AddScoped<Consultation.Standards.IPlanFactsSource, TrackingPlanFacts>();
        return services;
    }

    /// <summary>Drafts are visible to administrators only.</summary>
    public static bool SeesDrafts(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    public static Actor ActorOf(ClaimsPrincipal user)
        => new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.IsInRole(Roles.Administrator));

    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Read-only API: rates unrounded, camelCase (the minimal API default).
        endpoints.MapGet("/api/v1/plans/{id:guid}/progress", async Task<IResult> (Guid id, PlanQueries plans, HttpContext http, CancellationToken ct)
                => await plans.ProgressAsync(id, SeesDrafts(http.User), ct) is { } p ? TypedResults.Ok(Api.PlanProgressDto.From(p)) : TypedResults.NotFound())
            .WithName("PlanProgress").WithTags("Open data").Produces<Api.PlanProgressDto>().WithSummary("Get a plan's progress")
            .WithDescription("The implementation progress of an adopted plan: overall, per axis and per commitment (0–100, unrounded), " +
                "computed from the activities by the published rules; titles in fr/ar/en.");

        endpoints.MapGet("/plan/{id:guid}/report.docx", async (Guid id, PlanQueries plans, PlanReportDocx docx, IStringLocalizer<PlanText> text, HttpContext http, CancellationToken ct) =>
        {
            var report = await PlanReport.LoadAsync(plans, id, SeesDrafts(http.User), ct);
            if (report is null) return Results.NotFound();
            var bytes = docx.Write(report, text, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            return Results.File(bytes, Docx, $"auto-evaluation-{report.Plan.StartYear}-{report.Plan.EndYear}.docx");
        }).WithName("PlanReportDocx").WithTags("Plan exports").Produces<byte[]>(200, Docx).WithSummary("Download a plan's self-assessment report")
            .WithDescription("The self-assessment report of an adopted plan as a Word document (in the language of the request's culture).");

        endpoints.MapGet("/plan/{id:guid}/export.json", async (Guid id, PlanQueries plans, HttpContext http, CancellationToken ct) =>
        {
            var file = await plans.ExportAsync(id, SeesDrafts(http.User), ct);
            return file is null ? Results.NotFound()
                : Results.Text(JsonSerializer.Serialize(file, ExportJson), "application/json; charset=utf-8", Encoding.UTF8);
        }).WithName("PlanExportJson").WithTags("Plan exports").Produces<PlanFile>().WithSummary("Download a plan as JSON")
            .WithDescription("The whole content of an adopted plan (axes, commitments, activities with weights and progress) as one JSON file.");

        endpoints.MapGet("/plan/{id:guid}/export.csv", async (Guid id, PlanQueries plans, HttpContext http, CancellationToken ct) =>
        {
            var file = await plans.ExportAsync(id, SeesDrafts(http.User), ct);
            if (file is null) return Results.NotFound();
            return Results.File(await ToCsvAsync(file), "text/csv; charset=utf-8",
                $"plan-{file.StartYear}-{file.EndYear}.csv");
        }).WithName("PlanExportCsv").WithTags("Plan exports").Produces<string>(200, "text/csv").WithSummary("Download a plan as CSV")
            .WithDescription("One row per activity with its commitment and axis (UTF-8 with BOM, CRLF), so a spreadsheet can recompute every rate.");
        return endpoints;
    }

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One row per activity, with its commitment and axis, so a spreadsheet can recompute every rate.</summary>
    public static Task<byte[]> ToCsvAsync(PlanFile file) => CsvTable.ToBytesAsync(async csv =>
    {
        static string Num(double? d) => d?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
        await csv.RowAsync(["axis", "commitment_number", "commitment_title", "lead_agency", "commitment_rate", "activity", "weight", "progress", "level",
            "cancelled", "planned_start", "planned_end"]);
        foreach (var a in file.Axes)
            foreach (var c in a.Commitments)
                foreach (var x in c.Activities)
                    await csv.RowAsync([a.NameFr, c.Number, c.Title, c.LeadAgency, Num(c.PublishedRate), x.Title, Num(x.Weight), Num(x.Progress),
                        Progress.LevelOf(x.Progress).ToString(), x.Cancelled ? "yes" : "no", x.PlannedStart, x.PlannedEnd]);
    });
}

/// <summary>The self-assessment report's data: the plan's content and its computed rates.</summary>
public sealed record PlanReport(PlanFile Plan, PlanProgress Progress)
{
    public static async Task<PlanReport?> LoadAsync(PlanQueries plans, Guid id, bool includeDrafts, CancellationToken ct)
    {
        var progress = await plans.ProgressAsync(id, includeDrafts, ct);
        var file = progress is null ? null : await plans.ExportAsync(id, includeDrafts, ct);
        return file is null ? null : new PlanReport(file, progress!);
    }
}

internal sealed class IdentityLeadDirectory(UserManager<AppUser> users) : ILeadDirectory
{
    public async Task<string?> FindIdByEmailAsync(string email, CancellationToken ct)
        => (await users.FindByEmailAsync(email.Trim()))?.Id;

    public async Task<Dictionary<string, string>> FindIdsByEmailsAsync(IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        var byNormalized = emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(e => users.NormalizeEmail(e)!, e => e);
        var keys = byNormalized.Keys.ToList();
        var found = await users.Users.Where(u => u.NormalizedEmail != null && keys.Contains(u.NormalizedEmail))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in found) result.TryAdd(byNormalized[u.NormalizedEmail!], u.Id);
        return result;
    }
}
