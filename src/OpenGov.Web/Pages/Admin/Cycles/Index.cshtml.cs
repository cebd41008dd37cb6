using OpenGov.Web.Security;
using OpenGov.Consultation.Proposals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Cycles;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Admin.Cycles;

public sealed class CycleForm
{
    [SingleLine] public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int PlanStartYear { get; set; }
    public int PlanEndYear { get; set; }

    public void Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer text)
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 300) state.AddModelError("Form.Title", text["Validation.Required"]);
        if ((Description?.Length ?? 0) > 20000) state.AddModelError("Form.Description", text["Validation.TooLong", 20000]);
        if (PlanStartYear is < 2000 or > 2100 || PlanEndYear < PlanStartYear || PlanEndYear > 2100)
            state.AddModelError("Form.PlanEndYear", text["Validation.Period"]);
    }
}

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(CycleOverview cycles, CycleAdministration admin, UserManager<AppUser> users, TimeProvider clock,
    IStringLocalizer<ProposalsText> text) : PageModel
{
    public IReadOnlyList<CycleSummary> Cycles { get; private set; } = [];
    [BindProperty] public CycleForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = clock.GetUtcNow().Year;
        Form = new CycleForm { PlanStartYear = year + 1, PlanEndYear = year + 3 };
        Cycles = await cycles.ListAsync(includeDrafts: true, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form.Validate(ModelState, text);
        if (ModelState.IsValid)
        {
            var id = await admin.CreateAsync(users.GetUserId(User)!, new CycleInput(Form.Title, Form.Description ?? "", Form.PlanStartYear, Form.PlanEndYear), ct);
            return Redirect($"/admin/cycles/{id}");
        }
        Cycles = await cycles.ListAsync(includeDrafts: true, ct);
        return Page();
    }
}
