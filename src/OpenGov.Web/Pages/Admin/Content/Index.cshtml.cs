using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Content;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Admin.Content;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(ContentEditing editing) : PageModel
{
    public IReadOnlyList<ContentRow> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await editing.AllAsync(ct);
}
