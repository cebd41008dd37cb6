using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Workshops;
using OpenGov.SharedKernel.Csv;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Errors;
using OpenGov.Web.Security;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Workshops;

public sealed class IdeaForm
{
    [Required, SingleLine, StringLength(200)] public string? Title { get; set; }
    [StringLength(5000)] public string? Problem { get; set; }
    [StringLength(5000)] public string? Solution { get; set; }
    public Guid AxisId { get; set; }
    [Required] public string Region { get; set; } = OpenGov.SharedKernel.Regions.National;
    [StringLength(3000)] public string? ExpectedImpact { get; set; }
}

/// <summary>
/// A workshop's page for its facilitator: enter an idea, or import a file (a preview with row-level errors, then a confirmation
/// that checks the rows again and saves all of them or none). Only the workshop's facilitator or an administrator gets past the use case.
/// </summary>
[Authorize(Policy = Policies.Facilitator), EnableRateLimiting(RateLimits.Submit)]
public sealed class DetailsModel(WorkshopIdeas workshops, UserManager<AppUser> users) : PageModel, IRedisplayPage
{
    public WorkshopRow Workshop { get; private set; } = null!;
    public IReadOnlyList<AxisChoice> Axes { get; private set; } = [];
    [BindProperty] public IdeaForm Idea { get; set; } = new();
    /// <summary>The checked rows of the file being imported (null: no file yet).</summary>
    public ImportPreview? Preview { get; private set; }
    /// <summary>The rows of a valid preview, posted back on confirmation (JSON) and checked again.</summary>
    public string? PendingRows { get; private set; }
    [FromQuery] public int? Added { get; set; }
    [FromQuery] public int? Imported { get; set; }

    private string UserId => users.GetUserId(User)!;
    private bool IsAdministrator => User.IsInRole(Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIdeaAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        await workshops.AddIdeaAsync(UserId, IsAdministrator, id,
            new ProposalContent(Idea.Title!, Idea.Problem ?? "", Idea.Solution ?? "", Idea.AxisId, Idea.Region, Idea.ExpectedImpact ?? ""), ct);
        return Redirect($"/workshops/{id}?added=1");
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear(); // the idea form is not part of this post
        if (file is null) { ModelState.AddModelError("file", DomainErrorText.For(HttpContext, OpenGov.SharedKernel.Errors.DomainException.Rule("WorkshopImportUnreadable"))); return Page(); }
        var table = await ImportFile.ReadAsync(file, ct);
        Preview = await workshops.PreviewAsync(UserId, IsAdministrator, id, table, ct);
        if (Preview.IsValid) PendingRows = JsonSerializer.Serialize(table);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, string? rows, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        string[][]? table = null;
        try { table = rows is null ? null : JsonSerializer.Deserialize<string[][]>(rows); }
        catch (JsonException) { }
        if (table is null || table.Any(r => r is null || r.Any(c => c is null)))
            throw OpenGov.SharedKernel.Errors.DomainException.Rule("WorkshopImportUnreadable");
        var count = await workshops.ImportAsync(UserId, IsAdministrator, id, table, ct);
        return Redirect($"/workshops/{id}?imported={count}");
    }

    /// <summary>The CSV template: the header and one example row.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var axis = Axes.Count > 0 ? Axes[0].Code : "axe";
        var bytes = await CsvTable.ToBytesAsync(async csv =>
        {
            await csv.RowAsync(WorkshopImport.Header);
            await csv.RowAsync(["Publier les budgets communaux", "Les habitants ne connaissent pas le budget de leur commune.",
                "Un tableau de bord en ligne par commune.", axis, Workshop.Region, "Plus de contrôle citoyen."]);
        });
        return File(bytes, "text/csv; charset=utf-8", "atelier-idees.csv");
    }

    public async Task<IActionResult> RedisplayAsync()
        => await LoadAsync(Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id) ? id : Guid.Empty, HttpContext.RequestAborted) ? Page() : NotFound();

    /// <summary>The workshop, when this user may act on it (the use case answers 404 for an unknown one, 403 for someone else's).</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        (Workshop, Axes) = await workshops.ManageAsync(UserId, IsAdministrator, id, ct);
        if (HttpMethods.IsGet(Request.Method)) Idea.Region = Workshop.Region;
        return true;
    }
}
