using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;
using OpenGov.Web.Security;

namespace OpenGov.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Auth)]
public sealed class LoginModel(SignInManager<AppUser> signIn, LoginThrottle throttle, EqualWork equalWork, IStringLocalizer<AccountText> a) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", a["Error.EmailRequired"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", a["Error.PasswordRequired"]);
        if (!ModelState.IsValid) return Page();

        var users = signIn.UserManager;
        var email = Input.Email!.Trim();
        // Progressive delay per address (no lockout), the same whether or not an account exists.
        await throttle.WaitAsync(email, ct);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            equalWork.VerifyDummy(Input.Password!); // as long as a wrong password for a real account
            throttle.Failed(email);
            return Failed(a["Login.Invalid"]);
        }
        // A blocked account is only named as such to someone who knows its password.
        if (user.IsBlocked)
        {
            var knows = await users.CheckPasswordAsync(user, Input.Password!);
            if (!knows) throttle.Failed(email);
            return Failed(knows ? a["Login.Blocked"] : a["Login.Invalid"]);
        }

        // No lockout (AppSignInManager): failures only feed the throttle.
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(email);
            return LocalRedirect(AccountForms.SafeReturnUrl(Url, ReturnUrl));
        }
        if (result.IsNotAllowed && !user.EmailConfirmed && await users.CheckPasswordAsync(user, Input.Password!))
        {
            NeedsConfirmation = true;
            return Failed(a["Login.Unconfirmed"]);
        }
        throttle.Failed(email);
        return Failed(a["Login.Invalid"]);
    }

    private PageResult Failed(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }
}
