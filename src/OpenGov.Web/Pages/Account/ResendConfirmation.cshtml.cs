using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Auth)]
public sealed class ResendConfirmationModel(AccountRegistration registration, IStringLocalizer<AccountText> a) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public void OnGet(string? email) => Email = email;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AccountForms.RequireEmail(ModelState, nameof(Email), Email, a);
        if (!ModelState.IsValid) return Page();
        await registration.ResendConfirmationAsync(Email!, ct);
        return RedirectToPage("/Account/CheckInbox", new { email = Email!.Trim() });
    }
}
