using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenGov.Web.Pages.Account;

/// <summary>"Check your inbox": shown after registering, whether or not the address was new (no account enumeration).</summary>
[AllowAnonymous]
public sealed class CheckInboxModel : PageModel
{
    public string? Email { get; private set; }

    public void OnGet(string? email) => Email = email;
}
