using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Security;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Events;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Events.OpenGovWeek;

/// <summary>Outside organisers propose an Open Gov Week event with no account; rate-limited per IP, moderated before publication.</summary>
[EnableRateLimiting(RateLimits.Submit)]
public sealed class SubmitModel(OpenGovWeekSubmissions submissions, CycleQueries lookups, TimeProvider clock, SiteDates dates, IStringLocalizer<EventsText> text)
    : PageModel
{
    [BindProperty] public EventInput Input { get; set; } = new() { Type = EventType.OpenGovWeek };
    [BindProperty] public OrganiserKind OrganiserKind { get; set; } = OrganiserKind.Association;
    [BindProperty, SingleLine] public string? OrganiserName { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    public IReadOnlyList<AxisOption> Axes { get; private set; } = [];
    public bool Submitted { get; private set; }

    public async Task OnGetAsync(bool submitted, CancellationToken ct)
    {
        Submitted = submitted;
        Axes = (await lookups.CurrentCycleAxesAsync(ct)).Axes;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (cycleId, axes) = await lookups.CurrentCycleAxesAsync(ct);
        Axes = axes;
        Input.Type = EventType.OpenGovWeek;
        foreach (var (field, key) in Input.Validate(clock.GetUtcNow().UtcDateTime, dates)) ModelState.AddModelError("Input." + field, text[key]);
        if (string.IsNullOrWhiteSpace(OrganiserName) || OrganiserName.Length > 200) ModelState.AddModelError(nameof(OrganiserName), text["Error.OrganiserRequired"]);
        if (OrganiserKind is OrganiserKind.Platform || !Enum.IsDefined(OrganiserKind)) ModelState.AddModelError(nameof(OrganiserKind), text["Error.OrganiserKind"]);
        if (string.IsNullOrWhiteSpace(ContactEmail) || ContactEmail.Length > 320 || !new EmailAddressAttribute().IsValid(ContactEmail))
            ModelState.AddModelError(nameof(ContactEmail), text["Error.Email"]);
        if (!ModelState.IsValid) return Page();
        await submissions.SubmitAsync(Input.ToDetails(cycleId, dates), OrganiserKind, OrganiserName!, ContactEmail!.Trim(),
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        return RedirectToPage(new { submitted = true });
    }
}
