using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Admin.Users;

public sealed class IndexModel(UserAdministration admin) : PageModel
{
    public string? Q { get; private set; }
    public KeysetPage<UserRow> Result { get; private set; } = new([], null);

    public async Task OnGetAsync(string? q, string? after, CancellationToken ct)
    {
        Q = q;
        Result = await admin.SearchAsync(q, after, ct);
    }
}
