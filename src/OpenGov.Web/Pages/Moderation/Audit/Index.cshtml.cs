using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Identity;
using OpenGov.Web.Security;

namespace OpenGov.Web.Pages.Moderation.Audit;

/// <summary>The moderation part of the audit log, for moderators (administrators keep the whole log at /admin/audit).</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class IndexModel(AuditTrail trail) : PageModel
{
    public string? Action { get; private set; }
    public KeysetPage<AuditRow> Result { get; private set; } = new([], null);

    public async Task OnGetAsync(string? action, string? before, CancellationToken ct)
    {
        Action = action;
        Result = await trail.ReadAsync(action, null, before, moderationOnly: true, ct);
    }
}
