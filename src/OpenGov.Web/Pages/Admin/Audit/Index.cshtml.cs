using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Security;

namespace OpenGov.Web.Pages.Admin.Audit;

public sealed class IndexModel(AuditTrail trail) : PageModel
{
    public string? Action { get; private set; }
    public string? Target { get; private set; }
    public KeysetPage<AuditRow> Result { get; private set; } = new([], null);

    public async Task OnGetAsync(string? action, string? target, string? before, CancellationToken ct)
    {
        Action = action;
        Target = target;
        Result = await trail.ReadAsync(action, target, before, ct: ct);
    }
}
