using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Events;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Events;

/// <summary>After the event, its organiser (or a moderator) records the report and the links to the materials.</summary>
public sealed class MaterialsModel(EventCatalogue events, EventManagement management, UserManager<AppUser> users,
    IStringLocalizer<EventsText> text) : PageModel
{
    public EventView Event { get; private set; } = null!;
    [BindProperty] public string? Report { get; set; }
    [BindProperty] public string? Links { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await AuthorizeAsync(id, ct) is { } denied) return denied;
        Report = Event.ReportMarkdown;
        Links = Event.MaterialLinks;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await AuthorizeAsync(id, ct) is { } denied) return denied;
        if ((Report?.Length ?? 0) > 50000) ModelState.AddModelError(nameof(Report), text["Error.DescriptionTooLong"]);
        if ((Links?.Length ?? 0) > 5000) ModelState.AddModelError(nameof(Links), text["Error.Link"]);
        if (!ModelState.IsValid) return Page();
        await management.RecordMaterialsAsync(id, Report, Links, users.GetUserId(User)!, ct);
        return Redirect($"/events/{id}");
    }

    private async Task<IActionResult?> AuthorizeAsync(Guid id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var ev = await events.PublicAsync(id, ct);
        if (ev is null) return NotFound();
        Event = ev;
        var staff = User.IsInRole(Roles.Moderator) || User.IsInRole(Roles.Administrator);
        return staff || ev.OrganiserUserId == users.GetUserId(User) ? null : Forbid();
    }
}
