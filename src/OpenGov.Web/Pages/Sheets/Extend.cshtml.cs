using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Sheets;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Sheets;

/// <summary>An administrator extends a consultation, with a reason shown publicly and audit-logged.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ExtendModel(SheetQueries queries, SheetAdministration admin, UserManager<AppUser> users,
    Microsoft.Extensions.Localization.IStringLocalizer<SheetsText> L, SiteDates dates) : PageModel
{
    public SheetPage Sheet { get; private set; } = null!;
    /// <summary>Typed in the site's zone.</summary>
    [BindProperty] public DateTime? NewClose { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await queries.PageAsync(id, null) is not { } page) return NotFound();
        Sheet = page;
        NewClose = page.ClosesAt is { } closes ? dates.ToLocal(closes.AddDays(7)) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await queries.PageAsync(id, null) is not { } page) return NotFound();
        Sheet = page;
        if (NewClose is null) { ModelState.AddModelError(nameof(NewClose), L["Extend.NewClose", dates.ZoneLabel]); return Page(); }
        await admin.ExtendAsync(users.GetUserId(User)!, id, dates.ToUtc(NewClose.Value), Reason ?? "");
        return Redirect($"/sheets/{id}");
    }
}
