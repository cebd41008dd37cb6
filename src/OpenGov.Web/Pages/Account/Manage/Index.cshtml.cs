using OpenGov.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Web.Identity;
using OpenGov.Web.Localization;

namespace OpenGov.Web.Pages.Account.Manage;

/// <summary>The signed-in user's profile (folder convention requires sign-in; each handler re-reads the user).</summary>
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountText> a) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string Email { get; private set; } = "";
    public bool Saved { get; private set; }

    public sealed class InputModel
    {
        [SingleLine] public string? DisplayName { get; set; }
        [SingleLine] public string? Organisation { get; set; }
        public string? PreferredCulture { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        Saved = saved;
        Input = new InputModel { DisplayName = user.DisplayName, Organisation = user.Organisation, PreferredCulture = user.PreferredCulture };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        AccountForms.CheckProfile(ModelState, Input.DisplayName, Input.Organisation, a);
        if (Input.PreferredCulture is null || !Cultures.Supported.Contains(Input.PreferredCulture))
            ModelState.AddModelError("Input.PreferredCulture", a["Error.LanguageInvalid"]);
        if (!ModelState.IsValid) return Page();

        user.DisplayName = Input.DisplayName!.Trim();
        user.Organisation = string.IsNullOrWhiteSpace(Input.Organisation) ? null : Input.Organisation.Trim();
        user.PreferredCulture = Input.PreferredCulture!;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            AccountForms.AddErrors(ModelState, string.Empty, result.Errors, a);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        // The site follows the chosen language straight away.
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(user.PreferredCulture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return RedirectToPage(new { saved = true });
    }
}
