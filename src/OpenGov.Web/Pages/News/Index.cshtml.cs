using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Content;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.Web.Pages.News;

public sealed class IndexModel(ContentCatalogue content) : PageModel
{
    public KeysetPage<ContentView> News { get; private set; } = new([], null);

    public async Task OnGetAsync(string? cursor, CancellationToken ct)
        => News = await content.NewsAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cursor, 10, ct);
}
