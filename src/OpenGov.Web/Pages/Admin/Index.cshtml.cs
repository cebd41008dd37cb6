using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenGov.Web.Pages.Admin;

/// <summary>The administration dashboard (Administrator policy by folder convention).</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
