using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Data;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Admin.Outbox;

/// <summary>Dead letters (mails that failed every attempt) with a re-send action, audit-logged.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<NotificationsText> text) : PageModel
{
    public sealed record Row(Guid Id, DateTime CreatedAt, string Category, string Recipient, int Attempts, string? LastError);

    public IReadOnlyList<Row> DeadLetters { get; private set; } = [];
    public int Pending { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pending = await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Pending, ct);
        DeadLetters = await (from m in db.Set<OutboxMessage>().Where(m => m.Status == OutboxStatus.DeadLettered)
                             join u in db.Users on m.RecipientUserId equals u.Id into us
                             from u in us.DefaultIfEmpty()
                             orderby m.CreatedAt descending
                             select new Row(m.Id, m.CreatedAt, m.Category, m.ToAddress ?? (u == null ? m.RecipientUserId : u.Email) ?? "", m.Attempts, m.LastError))
            .Take(500).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostResendAsync(Guid? messageId, CancellationToken ct)
    {
        var query = db.Set<OutboxMessage>().Where(m => m.Status == OutboxStatus.DeadLettered);
        if (messageId is not null) query = query.Where(m => m.Id == messageId);
        var messages = await query.Take(1000).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        foreach (var m in messages)
        {
            m.Requeue(now);
            audit.Record(actor, "outbox.resend", "OutboxMessage", m.Id.ToString(), m.Category);
        }
        await db.SaveChangesAsync(ct);
        Message = text["Outbox.Requeued", messages.Count];
        return RedirectToPage();
    }
}
