using OpenGov.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Events;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Events;

/// <summary>Staff (moderators, administrators) create webinars, workshops and committee meetings, published at once.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class NewModel(EventManagement management, CycleQueries lookups, UserManager<AppUser> users, TimeProvider clock, SiteDates dates,
    IStringLocalizer<EventsText> text) : PageModel
{
    [BindProperty] public EventInput Input { get; set; } = new();
    [BindProperty, SingleLine] public string? OrganiserName { get; set; }
    public IReadOnlyList<AxisOption> Axes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Axes = (await lookups.CurrentCycleAxesAsync(ct)).Axes;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (cycleId, axes) = await lookups.CurrentCycleAxesAsync(ct);
        Axes = axes;
        foreach (var (field, key) in Input.Validate(clock.GetUtcNow().UtcDateTime, dates)) ModelState.AddModelError("Input." + field, text[key]);
        if (string.IsNullOrWhiteSpace(OrganiserName) || OrganiserName.Length > 200) ModelState.AddModelError(nameof(OrganiserName), text["Error.OrganiserRequired"]);
        if (!ModelState.IsValid) return Page();
        var id = await management.CreateAsync(Input.ToDetails(cycleId, dates), OrganiserName!, users.GetUserId(User)!, ct);
        return Redirect($"/events/{id}");
    }
}
