using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Auth)]
public sealed class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<AccountText> a) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>Set when the visitor must confirm the address first: the page offers to resend the link.</summary>
    public bool NeedsConfirmation { get; private set; }
    public bool PasswordWasReset { get; private set; }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    public void OnGet(bool reset = false) => PasswordWasReset = reset;

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", a["Error.EmailRequired"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", a["Error.PasswordRequired"]);
        if (!ModelState.IsValid) return Page();

        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is null) return Failed(a["Login.Invalid"]);
        // A blocked account is only named as such to someone who knows its password.
        if (user.IsBlocked)
            return Failed(await users.CheckPasswordAsync(user, Input.Password!) ? a["Login.Blocked"] : a["Login.Invalid"]);

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(AccountForms.SafeReturnUrl(Url, ReturnUrl));
        if (result.IsLockedOut) return Failed(a["Login.LockedOut"]);
        if (result.IsNotAllowed && !user.EmailConfirmed && await users.CheckPasswordAsync(user, Input.Password!))
        {
            NeedsConfirmation = true;
            return Failed(a["Login.Unconfirmed"]);
        }
        return Failed(a["Login.Invalid"]);
    }

    private PageResult Failed(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }
}
