using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenGov.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
