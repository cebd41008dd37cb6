using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Infrastructure;
using OpenGov.Web.Infrastructure.Notifications;
using OpenGov.Web.Infrastructure.Web;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Web.Pages.Notifications;

/// <summary>The link in every notification: works without signing in (the token names the user and the group),
/// asks for confirmation (mail scanners follow links), then sets the group to "no e-mail" and confirms by e-mail.</summary>
[EnableRateLimiting(RateLimits.Auth)]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, NotificationPreferences preferences, IOutbox outbox,
    SiteLinks links, IStringLocalizer<NotificationsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public bool Valid { get; private set; }
    public bool Done { get; private set; }
    public string GroupLabel { get; private set; } = "";

    public void OnGet() => Read(out _, out _);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Read(out var userId, out var group)) return Page();
        // Enqueued first: the preference change saves the unit of work, so the confirmation is committed with it.
        outbox.Enqueue(OutgoingMail.FromTemplate("notifications.unsubscribed", userId, "NotificationsText:Mail.Unsubscribed",
            new Dictionary<string, string>
            {
                ["group"] = GroupLabel,
                ["url"] = links.To("/account/notifications"),
            }));
        await preferences.SetAsync(userId, group, DeliveryMode.None, ct);
        Done = true;
        return Page();
    }

    private bool Read(out string userId, out string group)
    {
        Valid = tokens.TryRead(Token, out userId, out group);
        if (Valid) GroupLabel = text["Group." + group];
        return Valid;
    }
}
