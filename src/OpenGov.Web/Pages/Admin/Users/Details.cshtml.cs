using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Admin.Users;

/// <summary>One account: its roles (each change goes through a confirmation page) and its block status.</summary>
public sealed class DetailsModel(UserAdministration admin, AccountBlocking blocking, UserManager<AppUser> users) : PageModel
{
    public UserRow Account { get; private set; } = null!;
    public bool IsSelf { get; private set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var found = await admin.FindAsync(id, ct);
        if (found is null) return NotFound();
        Account = found;
        IsSelf = users.GetUserId(User) == id;
        return Page();
    }

    public async Task<IActionResult> OnPostBlockAsync(string id, bool confirm, CancellationToken ct)
        => Shared.Confirmation.Given(confirm, ModelState, HttpContext.RequestServices) ? await SetBlocked(id, true, ct) : await OnGetAsync(id, ct);

    public Task<IActionResult> OnPostUnblockAsync(string id, CancellationToken ct) => SetBlocked(id, false, ct);

    private async Task<IActionResult> SetBlocked(string id, bool blocked, CancellationToken ct)
    {
        var actor = users.GetUserId(User)!;
        if (actor == id) return Forbid();
        await blocking.SetBlockedAsync(actor, id, blocked, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim()[..Math.Min(Reason.Trim().Length, 500)], ct: ct);
        return Redirect($"/admin/users/{Uri.EscapeDataString(id)}");
    }
}
