using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Admin.Users;

/// <summary>Confirms, then applies, one role change. The rule (no removing one's own Administrator role) is enforced in the use case.</summary>
public sealed class RoleModel(UserAdministration admin, UserManager<AppUser> users, IStringLocalizer<AdminText> ad) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Role { get; set; } = "";
    [BindProperty(SupportsGet = true)] public bool Grant { get; set; }
    public UserRow Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var found = await admin.FindAsync(id, ct);
        if (found is null || !Roles.All.Contains(Role)) return NotFound();
        Account = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var outcome = await admin.ChangeRoleAsync(users.GetUserId(User)!, id, Role, Grant, ct);
        switch (outcome)
        {
            case RoleChangeOutcome.UnknownUser or RoleChangeOutcome.UnknownRole:
                return NotFound();
            case RoleChangeOutcome.CannotRemoveOwnAdministrator:
                ModelState.AddModelError(string.Empty, ad["Users.CannotRemoveOwnAdmin"]);
                Account = (await admin.FindAsync(id, ct))!;
                return Page();
            default:
                return Redirect($"/admin/users/{Uri.EscapeDataString(id)}");
        }
    }
}
