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
public sealed class ResetPasswordModel(AccountRegistration registration, IStringLocalizer<AccountText> a) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        AccountForms.RequireNewPassword(ModelState, nameof(Password), nameof(ConfirmPassword), Password, ConfirmPassword, a);
        if (!ModelState.IsValid) return Page();
        var result = await registration.ResetPasswordAsync(UserId, Code, Password!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : string.Empty, AccountForms.Describe(e, a));
            return Page();
        }
        return RedirectToPage("/Account/Login", new { reset = true });
    }
}
