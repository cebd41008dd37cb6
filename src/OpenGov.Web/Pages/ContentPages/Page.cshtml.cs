using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Content;

namespace OpenGov.Web.Pages.ContentPages;

public sealed class StaticPageModel(ContentCatalogue content) : PageModel
{
    public ContentView Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!ContentItem.IsValidSlug(slug)) return NotFound();
        var item = await content.PublishedAsync(ContentKind.Page, slug, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        if (item is null) return NotFound();
        Item = item;
        return Page();
    }
}
