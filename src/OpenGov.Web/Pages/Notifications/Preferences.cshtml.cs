using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.Web.Pages.Notifications;

/// <summary>A user's notification preferences: per group, immediately, daily digest or none.</summary>
[Authorize]
public sealed class PreferencesModel(NotificationPreferences preferences, IStringLocalizer<NotificationsText> text) : PageModel
{
    public IReadOnlyDictionary<string, DeliveryMode> Current { get; private set; } = new Dictionary<string, DeliveryMode>();
    [BindProperty] public Dictionary<string, DeliveryMode> Modes { get; set; } = [];
    [TempData] public string? Message { get; set; }

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;

    public async Task OnGetAsync(CancellationToken ct) => Current = await preferences.ForUserAsync(UserId, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var valid = Modes.Where(m => NotificationGroups.All.Contains(m.Key) && Enum.IsDefined(m.Value)).ToDictionary();
        if (!ModelState.IsValid || valid.Count != Modes.Count)
        {
            ModelState.AddModelError("", text["Preferences.Invalid"]);
            Current = await preferences.ForUserAsync(UserId, ct);
            return Page();
        }
        await preferences.SetManyAsync(UserId, valid, ct);
        Message = text["Preferences.Saved"];
        return RedirectToPage();
    }
}
