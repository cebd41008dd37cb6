using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Account;

[AllowAnonymous]
public sealed class ConfirmEmailModel(AccountRegistration registration) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code) => Confirmed = await registration.ConfirmEmailAsync(userId, code);
}
