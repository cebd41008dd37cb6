using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Web.Localization;

namespace OpenGov.Web.Pages;

/// <summary>The language switcher: keeps the choice in a cookie for a year and returns to the same page.
/// No antiforgery token: the form is on every page, and a page with a token can never be cached for anonymous visitors;
/// a forged post can only change a visitor's language (and returns to a local address only).</summary>
[IgnoreAntiforgeryToken]
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (culture is null || !Cultures.Supported.Contains(culture)) culture = Cultures.Default;
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
