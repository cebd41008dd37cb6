using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Security;
using OpenGov.SharedKernel.Csv;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Events;
using OpenGov.Web.Api;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Events;

[EnableRateLimiting(RateLimits.Submit)]
public sealed class DetailsModel(EventCatalogue events, EventRegistrations registrations, CycleQueries lookups, UserManager<AppUser> users,
    TimeProvider clock, IStringLocalizer<EventsText> text) : PageModel
{
    public EventView Event { get; private set; } = null!;
    public string? AxisName { get; private set; }
    public RegistrationStatus? MyStatus { get; private set; }
    public bool CanManage { get; private set; }
    public bool IsPast { get; private set; }
    public bool RegistrationOpen { get; private set; }
    public string? Message { get; private set; }

    [BindProperty, SingleLine] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Message = done switch
        {
            "mailed" => text["Register.Mailed"].Value,
            "confirmed" => text["Register.Confirmed"].Value,
            "waitlisted" => text["Register.Waitlisted"].Value,
            "already" => text["Register.Already"].Value,
            "cancelled" => text["Register.Cancelled"].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Registrant who;
        if (User.Identity?.IsAuthenticated == true)
        {
            var user = await users.GetUserAsync(User);
            if (user?.Email is null) return Forbid();
            who = new Registrant(user.Id, user.Email, user.DisplayName, user.PreferredCulture);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100) ModelState.AddModelError(nameof(Name), text["Error.NameRequired"]);
            if (string.IsNullOrWhiteSpace(Email) || Email.Length > 320 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(Email))
                ModelState.AddModelError(nameof(Email), text["Error.Email"]);
            if (!ModelState.IsValid) return Page();
            who = new Registrant(null, Email!.Trim(), Name!.Trim(), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        }
        var outcome = await registrations.RegisterAsync(id, who, ct);
        return RedirectToPage(new { id, done = outcome switch
        {
            RegistrationOutcome.ConfirmationMailed => "mailed",
            RegistrationOutcome.Confirmed => "confirmed",
            RegistrationOutcome.Waitlisted => "waitlisted",
            _ => "already",
        } });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, bool confirm, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Shared.Confirmation.Given(confirm, ModelState, HttpContext.RequestServices)) return Page();
        await registrations.CancelForUserAsync(id, users.GetUserId(User)!, ct);
        return RedirectToPage(new { id, done = "cancelled" });
    }

    /// <summary>The attendee list as CSV, for the organiser, moderators and administrators only.</summary>
    public async Task<IActionResult> OnGetAttendeesAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        var attendees = await registrations.AttendeesAsync(id, ct);
        var csv = await CsvTable.ToBytesAsync(async t =>
        {
            await t.RowAsync(["name", "email", "status", "registeredAt"]);
            foreach (var a in attendees) await t.RowAsync([a.DisplayName, a.Email, a.Status.ToString(), a.QueuedAt ?? a.CreatedAt]);
        });
        return File(csv, "text/csv; charset=utf-8", $"attendees-{id:N}.csv");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var ev = await events.PublicAsync(id, ct);
        if (ev is null) return false;
        Event = ev;
        var now = clock.GetUtcNow().UtcDateTime;
        IsPast = ev.EndsAt <= now;
        RegistrationOpen = ev.Status == EventStatus.Published && ev.StartsAt > now;
        AxisName = await lookups.AxisNameAsync(ev.AxisId, ct);
        var userId = users.GetUserId(User);
        if (userId is not null) MyStatus = await registrations.StatusOfUserAsync(id, userId, ct);
        CanManage = User.IsInRole(Roles.Moderator) || User.IsInRole(Roles.Administrator) || (userId is not null && ev.OrganiserUserId == userId);
        return true;
    }
}
