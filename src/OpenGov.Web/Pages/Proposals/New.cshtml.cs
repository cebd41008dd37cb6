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
public sealed class NewModel(ProposalSubmission submission, CycleQueries cycles, AssociationMembership memberships,
    UserManager<AppUser> users, IAuthorizationService authorization, IStringLocalizer<ProposalsText> text)
    : ProposalFormModel(submission, cycles, memberships, users, authorization, text)
{
    public override bool IsEdit => false;

    public async Task<IActionResult> OnGetAsync(Guid? cycle, CancellationToken ct)
    {
        var actor = await ActorAsync();
        if (actor is null) return Forbid();
        await LoadOptionsAsync(actor, ct);
        Form.CycleId = cycle is { } c && OpenCycles.Any(o => o.Id == c) ? c : OpenCycles.Count > 0 ? OpenCycles[0].Id : null;
        return Page();
    }

    /// <summary>"draft" saves a draft; anything else submits to the moderators.</summary>
    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken ct)
    {
        var actor = await ActorAsync();
        if (actor is null) return Forbid();
        if (Validate())
            return Redirect($"/proposals/{await Submission.CreateAsync(actor, Input(), action != "draft", await IsAdministrationEditorAsync(), ct)}");
        await LoadOptionsAsync(actor, ct);
        return Page();
    }
}
