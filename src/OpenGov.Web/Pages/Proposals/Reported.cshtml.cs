using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenGov.Web.Pages.Proposals;

/// <summary>Where a report that hid the idea lands: its page is no longer shown to the reporter, so the thanks go here.</summary>
[Authorize]
public sealed class ReportedModel : PageModel
{
    public void OnGet() { }
}
