using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Admin.Outbox;

/// <summary>Dead letters (mails that failed every attempt) with a re-send action, audit-logged.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(OutboxAdministration outbox, UserDirectory directory, IStringLocalizer<NotificationsText> text) : PageModel
{
    public sealed record Row(Guid Id, DateTime CreatedAt, string Category, string Recipient, int Attempts, string? LastError);

    public IReadOnlyList<Row> DeadLetters { get; private set; } = [];
    public int Pending { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pending = await outbox.PendingCountAsync(ct);
        var messages = await outbox.DeadLettersAsync(ct);
        // The address written on the message, else the recipient's current e-mail, else the recipient id (a deleted user).
        var emails = await directory.EmailsAsync(messages.Where(m => m.ToAddress is null).Select(m => m.RecipientUserId), ct);
        DeadLetters = messages.Select(m => new Row(m.Id, m.CreatedAt, m.Category,
            m.ToAddress ?? (m.RecipientUserId is { } id && emails.TryGetValue(id, out var email) ? email : m.RecipientUserId) ?? "",
            m.Attempts, m.LastError)).ToList();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid? messageId, CancellationToken ct)
    {
        var count = await outbox.ResendAsync(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, messageId, ct);
        Message = text["Outbox.Requeued", count];
        return RedirectToPage();
    }
}
