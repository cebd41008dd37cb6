using OpenGov.Web.Security;
using OpenGov.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Proposals;

public sealed class ProposalForm
{
    public Guid? CycleId { get; set; }
    [SingleLine] public string Title { get; set; } = "";
    public string Problem { get; set; } = "";
    public string Solution { get; set; } = "";
    public Guid? AxisId { get; set; }
    public string Region { get; set; } = Regions.National;
    public string? ExpectedImpact { get; set; }
    public SubmitterType SubmitterType { get; set; }
    public Guid? AssociationId { get; set; }
}

/// <summary>The submission form shared by "new" and "edit": options (open cycles, axes, the user's verified associations),
/// validation with messages on the form, and the rule violations of the use case turned into form errors.</summary>
[Authorize]
public abstract class ProposalFormModel(ProposalSubmission submission, CycleQueries cycles, AssociationMembership memberships,
    UserManager<AppUser> users, IAuthorizationService authorization, IStringLocalizer<ProposalsText> text) : PageModel, IRedisplayPage
{
    [BindProperty] public ProposalForm Form { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Title)> OpenCycles { get; private set; } = [];
    public IReadOnlyList<(Guid CycleId, AxisView Axis)> Axes { get; private set; } = [];
    public IReadOnlyList<AssociationRef> Associations { get; private set; } = [];
    public bool CanSubmitAsAdministration { get; private set; }
    public abstract bool IsEdit { get; }

    protected ProposalSubmission Submission => submission;
    protected IStringLocalizer<ProposalsText> Text => text;

    protected async Task LoadOptionsAsync(Actor actor, CancellationToken ct)
    {
        OpenCycles = await cycles.CollectingAsync(ct);
        Axes = await cycles.AllAxesAsync(ct);
        Associations = await memberships.VerifiedAssociationsOfAsync(actor.UserId, ct);
        CanSubmitAsAdministration = await this.IsAdministrationEditorAsync(authorization);
    }

    protected Task<Actor?> ActorAsync() => this.CurrentActorAsync(users);

    protected Task<bool> IsAdministrationEditorAsync() => this.IsAdministrationEditorAsync(authorization);

    /// <summary>Checks the form; errors go to ModelState under the field names so the form shows them beside the inputs.</summary>
    protected bool Validate()
    {
        void Require(string field, string? value, int max, int min = 1)
        {
            var length = value?.Trim().Length ?? 0;
            if (length < min) ModelState.AddModelError($"Form.{field}", text["Validation.Required"]);
            else if (length > max) ModelState.AddModelError($"Form.{field}", text["Validation.TooLong", max]);
        }
        Require(nameof(ProposalForm.Title), Form.Title, 200);
        Require(nameof(ProposalForm.Problem), Form.Problem, 5000);
        Require(nameof(ProposalForm.Solution), Form.Solution, 5000);
        if ((Form.ExpectedImpact?.Length ?? 0) > 3000) ModelState.AddModelError("Form.ExpectedImpact", text["Validation.TooLong", 3000]);
        if (Form.CycleId is null) ModelState.AddModelError("Form.CycleId", text["Validation.Required"]);
        if (Form.AxisId is null) ModelState.AddModelError("Form.AxisId", text["Validation.Required"]);
        if (!Regions.IsValid(Form.Region)) ModelState.AddModelError("Form.Region", text["Validation.Required"]);
        if (!Enum.IsDefined(Form.SubmitterType)) ModelState.AddModelError("Form.SubmitterType", text["Validation.Required"]);
        if (Form.SubmitterType == SubmitterType.Association && Form.AssociationId is null)
            ModelState.AddModelError("Form.AssociationId", text["Validation.Required"]);
        return ModelState.IsValid;
    }

    protected ProposalInput Input() => new(Form.CycleId!.Value, Form.Title, Form.Problem, Form.Solution, Form.AxisId!.Value,
        Form.Region, Form.ExpectedImpact ?? "", Form.SubmitterType, Form.SubmitterType == SubmitterType.Association ? Form.AssociationId : null);

    /// <summary>A refused submission shows the form again (input kept) with its options (DomainErrorFilter).</summary>
    public async Task<IActionResult> RedisplayAsync()
    {
        if (await ActorAsync() is not { } actor) return Forbid();
        await LoadOptionsAsync(actor, HttpContext.RequestAborted);
        return Page();
    }
}
