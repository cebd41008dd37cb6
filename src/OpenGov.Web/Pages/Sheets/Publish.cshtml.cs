using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Sheets;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Sheets;

public sealed class DecisionRow
{
    public Guid CommentId { get; set; }
    public CommentHandling Handling { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Publishes the draft as a new version; a revision records how each open comment was handled.</summary>
[Authorize(Policy = Policies.AdministrationEditor)]
[EnableRateLimiting(RateLimits.Submit)]
public sealed class PublishModel(SheetAccess access, SheetQueries queries, SheetEditing editing, UserManager<AppUser> users, SiteDates dates) : PageModel
{
    public string Title { get; private set; } = "";
    public bool IsFirst { get; private set; }
    public IReadOnlyList<CommentView> OpenComments { get; private set; } = [];
    public SheetContent? Draft { get; private set; }

    [BindProperty] public string? ChangeNote { get; set; }
    [BindProperty] public DateTime? OpensAt { get; set; }
    [BindProperty] public DateTime? ClosesAt { get; set; }
    [BindProperty] public List<DecisionRow> Decisions { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var result = await LoadAsync(id);
        if (result is not null) return result;
        if (IsFirst)
        {
            var sheet = (await queries.DraftAsync(id))!.Value.Sheet;
            var (opens, closes) = await editing.DefaultWindowAsync(sheet.CycleId);
            (OpensAt, ClosesAt) = (dates.ToLocal(opens), dates.ToLocal(closes)); // typed in the site's zone
        }
        Decisions = OpenComments.Select(c => new DecisionRow { CommentId = c.Id }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var result = await LoadAsync(id);
        if (result is not null) return result;
        var user = await users.GetUserAsync(User);
        await editing.PublishAsync(user!.Id, user.DisplayName, id, ChangeNote,
            OpensAt is { } o ? dates.ToUtc(o) : null,
            ClosesAt is { } c ? dates.ToUtc(c) : null,
            Decisions.Select(d => new CommentDecision(d.CommentId, d.Handling, d.Reason)).ToList());
        return Redirect($"/sheets/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var draft = await queries.DraftAsync(id);
        if (draft is null) return NotFound();
        var sheet = draft.Value.Sheet;
        if (!await access.IsEditorOfAgencyAsync(users.GetUserId(User), sheet.AgencyId)) return Forbid();
        Title = sheet.Title;
        Draft = sheet.Content;
        IsFirst = !sheet.IsPublished;
        OpenComments = await queries.OpenCommentsAsync(id);
        return null;
    }
}
