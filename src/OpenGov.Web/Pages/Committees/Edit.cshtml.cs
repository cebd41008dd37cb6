using OpenGov.Web.Security;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenGov.Consultation.Committees;
using OpenGov.Web.Identity;
using OpenGov.Web.Pages.Associations;

namespace OpenGov.Web.Pages.Committees;

/// <summary>Administrators add seats and give or end mandates; every change is audit-logged by the use case.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(CommitteeService committees) : CommunityPageModel
{
    public CommitteeView Committee { get; private set; } = null!;
    [BindProperty] public SeatInput Seat { get; set; } = new();
    [BindProperty] public MandateInput NewMandate { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        NewMandate.StartsOn = committees.Today;
        NewMandate.EndsOn = committees.Today.AddYears(2);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await committees.GetAsync(id, ct);
        if (c is null) return false;
        Committee = c;
        return true;
    }

    private async Task<IActionResult> Redisplay(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSeatAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Seat.Label))
        {
            ModelState.AddModelError("Seat.Label", T("Common.Required"));
            return await Redisplay(id, ct);
        }
        return await AttemptAsync(Need.Administrator, async () =>
        {
            await committees.AddSeatAsync(RequiredUserId, id, Seat.Kind, Seat.Label!, ct);
            return Redirect($"/committees/{id}/edit");
        }, () => Redisplay(id, ct));
    }

    public async Task<IActionResult> OnPostMandateAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(NewMandate.Holder) || string.IsNullOrWhiteSpace(NewMandate.Organisation))
        {
            ModelState.AddModelError("NewMandate", T("Common.Required"));
            return await Redisplay(id, ct);
        }
        return await AttemptAsync(Need.Administrator, async () =>
        {
            await committees.AssignMandateAsync(RequiredUserId, id, NewMandate.SeatId, NewMandate.Holder!, NewMandate.Organisation!, NewMandate.StartsOn, NewMandate.EndsOn, ct);
            return Redirect($"/committees/{id}/edit");
        }, () => Redisplay(id, ct));
    }

    public Task<IActionResult> OnPostEndAsync(Guid id, Guid mandateId, bool confirm, CancellationToken ct) => AttemptAsync(Need.Administrator, async () =>
    {
        if (!Shared.Confirmation.Given(confirm, ModelState, HttpContext.RequestServices)) return await Redisplay(id, ct);
        await committees.EndMandateAsync(RequiredUserId, id, mandateId, committees.Today, ct);
        return Redirect($"/committees/{id}/edit");
    }, () => Redisplay(id, ct));

    public async Task<IActionResult> OnPostRenameSeatAsync(Guid id, Guid seatId, string? label, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            ModelState.AddModelError("", T("Common.Required"));
            return await Redisplay(id, ct);
        }
        return await AttemptAsync(Need.Administrator, async () =>
        {
            await committees.RenameSeatAsync(RequiredUserId, id, seatId, label, ct);
            return Redirect($"/committees/{id}/edit");
        }, () => Redisplay(id, ct));
    }

    public Task<IActionResult> OnPostRemoveSeatAsync(Guid id, Guid seatId, bool confirm, CancellationToken ct) => AttemptAsync(Need.Administrator, async () =>
    {
        if (!Shared.Confirmation.Given(confirm, ModelState, HttpContext.RequestServices)) return await Redisplay(id, ct);
        await committees.RemoveSeatAsync(RequiredUserId, id, seatId, ct);
        return Redirect($"/committees/{id}/edit");
    }, () => Redisplay(id, ct));

    private string T(string key) => HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()[key];

    public sealed class SeatInput
    {
        public SeatKind Kind { get; set; }
        [StringLength(300)] public string? Label { get; set; }
    }

    public sealed class MandateInput
    {
        public Guid SeatId { get; set; }
        [StringLength(200)] public string? Holder { get; set; }
        [StringLength(300), SingleLine] public string? Organisation { get; set; }
        public DateOnly StartsOn { get; set; }
        public DateOnly EndsOn { get; set; }
    }
}
