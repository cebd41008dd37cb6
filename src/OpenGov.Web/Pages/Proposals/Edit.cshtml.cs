using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Proposals;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Proposals;

[EnableRateLimiting(RateLimits.Submit)]
public sealed class EditModel(ProposalSubmission submission, ProposalQueries queries, CycleQueries cycles, AssociationMembership memberships,
    UserManager<AppUser> users, IAuthorizationService authorization, IStringLocalizer<ProposalsText> text)
    : ProposalFormModel(submission, cycles, memberships, users, authorization, text)
{
    public override bool IsEdit => true;
    public ProposalStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = await ActorAsync();
        if (actor is null) return Forbid();
        var p = await queries.DetailAsync(id, ct);
        if (p is null) return NotFound();
        if (p.AuthorUserId != actor.UserId) return Forbid();
        if (p.Status is not (ProposalStatus.Draft or ProposalStatus.Submitted)) return Redirect($"/proposals/{id}");
        Status = p.Status;
        Form = new ProposalForm
        {
            CycleId = p.CycleId, Title = p.Title, Problem = p.Problem, Solution = p.Solution, AxisId = p.AxisId, Region = p.Region,
            ExpectedImpact = p.ExpectedImpact, SubmitterType = p.SubmitterType, AssociationId = p.AssociationId,
        };
        await LoadOptionsAsync(actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, CancellationToken ct)
    {
        var actor = await ActorAsync();
        if (actor is null) return Forbid();
        var p = await queries.DetailAsync(id, ct);
        if (p is null) return NotFound();
        if (p.AuthorUserId != actor.UserId) return Forbid();
        Status = p.Status;
        Form.CycleId = p.CycleId;
        Form.SubmitterType = p.SubmitterType;
        Form.AssociationId = p.AssociationId;
        var isEditor = await IsAdministrationEditorAsync();
        if (Validate())
        {
            await Submission.UpdateAsync(actor, id, Input(), action != "draft", isEditor, ct);
            return Redirect($"/proposals/{id}");
        }
        await LoadOptionsAsync(actor, ct);
        return Page();
    }
}
