using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Sheets;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Sheets;

/// <summary>Edits the draft. Every handler checks, through the use cases, that the user is an editor of the lead agency.</summary>
[Authorize(Policy = Policies.AdministrationEditor)]
[EnableRateLimiting(RateLimits.Submit)]
public sealed class EditModel(SheetAccess access, SheetQueries queries, SheetEditing editing, UserManager<AppUser> users) : PageModel
{
    [BindProperty] public SheetForm Form { get; set; } = new();
    public string Agency { get; private set; } = "";
    public bool IsPublished { get; private set; }
    public IReadOnlyList<ProposalLink> Proposals { get; private set; } = [];
    public string? Saved { get; private set; }
    /// <summary>How much of the draft is translated (the side-by-side form edits the translations).</summary>
    public OpenGov.SharedKernel.Text.TranslationCoverage Coverage { get; private set; } = OpenGov.SharedKernel.Text.TranslationCoverage.None;

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved = false)
    {
        var sheet = await AuthorizedAsync(id);
        if (sheet is null) return NotFound();
        if (sheet.Value.Forbidden) return Forbid();
        Form = SheetForm.From(sheet.Value.Sheet.Content);
        Form.AddBlankRows();
        if (saved) Saved = "ok";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var sheet = await AuthorizedAsync(id);
        if (sheet is null) return NotFound();
        if (sheet.Value.Forbidden) return Forbid();
        await editing.SaveDraftAsync(users.GetUserId(User)!, id, Form.ToContent(sheet.Value.Sheet.Content));
        return Redirect($"/sheets/{id}/edit?saved=true");
    }

    private async Task<(Sheet Sheet, bool Forbidden)?> AuthorizedAsync(Guid id)
    {
        var draft = await queries.DraftAsync(id);
        if (draft is null) return null;
        var (sheet, agency) = draft.Value;
        if (!await access.IsEditorOfAgencyAsync(users.GetUserId(User), sheet.AgencyId)) return (sheet, true);
        Agency = agency;
        IsPublished = sheet.IsPublished;
        Coverage = OpenGov.SharedKernel.Text.TranslationCoverage.Of(sheet.Content.Texts().Select(t => t.Value));
        Proposals = await queries.LinkableProposalsAsync(sheet.CycleId);
        return (sheet, false);
    }
}
