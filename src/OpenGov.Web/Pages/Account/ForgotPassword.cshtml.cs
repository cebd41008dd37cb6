using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Account;

/// <summary>Always answers the same "if an account exists, a link is on its way", so the form reveals no account.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Auth)]
public sealed class ForgotPasswordModel(AccountRegistration registration, IStringLocalizer<AccountText> a) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet(bool sent = false) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AccountForms.RequireEmail(ModelState, nameof(Email), Email, a);
        if (!ModelState.IsValid) return Page();
        await registration.RequestPasswordResetAsync(Email!, ct);
        return RedirectToPage(new { sent = true });
    }
}
