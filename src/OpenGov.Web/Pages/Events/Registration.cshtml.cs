using OpenGov.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Events;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Events;

/// <summary>The page behind the mailed link: confirm an e-mail registration, or cancel one. GET only shows; POST acts
/// (mail scanners follow links, they must not confirm or cancel anything).</summary>
[EnableRateLimiting(RateLimits.Submit)]
public sealed class RegistrationModel(EventRegistrations registrations, IStringLocalizer<EventsText> text) : PageModel, IRedisplayPage
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public RegistrationView? Registration { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Registration = await registrations.FindAsync(Token ?? "", ct);
        return Registration is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var outcome = await registrations.ConfirmAsync(Token ?? "", ct);
        Message = outcome == RegistrationOutcome.Waitlisted ? text["Register.Waitlisted"] : text["Register.Confirmed"];
        return await OnGetAsync(ct);
    }

    public Task<IActionResult> RedisplayAsync() => OnGetAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCancelAsync(bool confirm, CancellationToken ct)
    {
        if (!Shared.Confirmation.Given(confirm, ModelState, HttpContext.RequestServices)) return await OnGetAsync(ct);
        await registrations.CancelByTokenAsync(Token ?? "", ct);
        Message = text["Register.Cancelled"];
        return await OnGetAsync(ct);
    }
}
