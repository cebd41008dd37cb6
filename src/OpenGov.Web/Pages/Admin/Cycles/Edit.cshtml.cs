using OpenGov.SharedKernel.Errors;
using OpenGov.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Cycles;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Admin.Cycles;

/// <summary>One cycle's administration: text, axes, phase dates, and reasoned early closes or extensions (on the public timeline).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(CycleQueries cycles, CycleAdministration admin, UserManager<AppUser> users, IStringLocalizer<ProposalsText> text) : PageModel
{
    public CycleDetail Cycle { get; private set; } = null!;
    [BindProperty] public CycleForm Form { get; set; } = new();
    [TempData] public string? Notice { get; set; }
    [TempData] public string? Problem { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Form = new CycleForm { Title = Cycle.Title, Description = Cycle.DescriptionMarkdown, PlanStartYear = Cycle.PlanStartYear, PlanEndYear = Cycle.PlanEndYear };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        Form.Validate(ModelState, text);
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        return await ActAsync(id, () => admin.UpdateAsync(Me, id, new CycleInput(Form.Title, Form.Description ?? "", Form.PlanStartYear, Form.PlanEndYear), ct));
    }

    public Task<IActionResult> OnPostAxisAsync(Guid id, string? code, string? nameFr, string? nameAr, string? nameEn, CancellationToken ct)
        => string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(nameFr) || code.Length > 100 || nameFr.Length > 300
            ? FailAsync(id, "Validation.Required")
            : ActAsync(id, () => admin.AddAxisAsync(Me, id, code, nameFr, nameAr ?? "", nameEn ?? "", ct));

    public Task<IActionResult> OnPostPhaseAsync(Guid id, PhaseKind kind, DateOnly? startsOn, DateOnly? endsOn, CancellationToken ct)
        => startsOn is not { } s || endsOn is not { } e || !Enum.IsDefined(kind) ? FailAsync(id, "Validation.Required")
            : ActAsync(id, () => admin.SetPhaseDaysAsync(Me, id, kind, s, e, ct));

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
        => ActAsync(id, () => admin.PublishAsync(Me, id, ct));

    public Task<IActionResult> OnPostCloseAsync(Guid id, PhaseKind kind, string? reason, CancellationToken ct)
        => string.IsNullOrWhiteSpace(reason) ? FailAsync(id, "Error.ReasonRequired")
            : ActAsync(id, () => admin.ClosePhaseEarlyAsync(Me, id, kind, Limit(reason), ct));

    public Task<IActionResult> OnPostExtendAsync(Guid id, PhaseKind kind, DateOnly? newEndOn, string? reason, CancellationToken ct)
        => string.IsNullOrWhiteSpace(reason) ? FailAsync(id, "Error.ReasonRequired")
            : newEndOn is not { } end ? FailAsync(id, "Validation.Required")
            : ActAsync(id, () => admin.ExtendPhaseToAsync(Me, id, kind, end, Limit(reason), ct));

    private static string Limit(string s) => s.Length > 2000 ? s[..2000] : s;

    private string Me => users.GetUserId(User)!;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var cycle = await cycles.DetailAsync(id, ct);
        if (cycle is null) return false;
        Cycle = cycle;
        return true;
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action)
    {
        try
        {
            await action();
            Notice = text["Admin.Saved"];
        }
        // The change is reported after the redirect (a notice), not on a form.
        catch (DomainException e) when (e.Kind == DomainErrorKind.Rule) { Problem = DomainErrorText.For(HttpContext, e); }
        return Redirect($"/admin/cycles/{id}");
    }

    private Task<IActionResult> FailAsync(Guid id, string key)
    {
        Problem = text[key];
        return Task.FromResult<IActionResult>(Redirect($"/admin/cycles/{id}"));
    }
}
