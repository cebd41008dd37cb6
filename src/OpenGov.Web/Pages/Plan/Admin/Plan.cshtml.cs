using OpenGov.Web.Security;
using OpenGov.SharedKernel.Errors;
using OpenGov.Web.Infrastructure.Errors;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Plan.Admin;

/// <summary>An administrator edits a plan: axes, commitments, activities, project leads (by e-mail), publication and weight locking.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class PlanModel(PlanQueries plans, PlanAdministration admin, ILeadDirectory directory, IStringLocalizer<PlanText> text) : PageModel, IRedisplayPage
{
    public PlanProgress Plan { get; private set; } = null!;

    [BindProperty, SingleLine] public string? AxisName { get; set; }
    [BindProperty, SingleLine] public string? AxisNameAr { get; set; }
    [BindProperty, SingleLine] public string? AxisNameEn { get; set; }
    [BindProperty] public Guid AxisId { get; set; }
    [BindProperty] public int Number { get; set; }
    [BindProperty, SingleLine] public string? CommitmentTitle { get; set; }
    [BindProperty, SingleLine] public string? LeadAgency { get; set; }
    [BindProperty] public string? Problem { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public Guid CommitmentId { get; set; }
    [BindProperty, SingleLine] public string? ActivityTitle { get; set; }
    [BindProperty] public double Weight { get; set; } = 1;
    [BindProperty] public DateOnly? Start { get; set; }
    [BindProperty] public DateOnly? End { get; set; }
    [BindProperty] public string? LeadEmail { get; set; }
    [BindProperty, SingleLine] public string? ContactName { get; set; }
    [BindProperty, SingleLine] public string? ContactEmail { get; set; }
    [BindProperty] public string? ContactCulture { get; set; }

    /// <summary>The commitment whose focal point the form edits (<c>?focal=</c>): the form shows its current values, so
    /// re-saving one field keeps the others (address, mail language).</summary>
    [BindProperty(SupportsGet = true, Name = "focal")] public Guid? Focal { get; set; }

    public CommitmentRate? FocalCommitment { get; private set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAxisAsync(Guid id, CancellationToken ct) => RunAsync(id, () => admin.AddAxisAsync(id, AxisName ?? "", AxisNameAr, AxisNameEn, Me, ct), ct);

    public Task<IActionResult> OnPostCommitmentAsync(Guid id, CancellationToken ct)
        => RunAsync(id, () => admin.AddCommitmentAsync(id, AxisId, Number, CommitmentTitle ?? "", LeadAgency ?? "", Problem ?? "", Description ?? "", Me, ct), ct);

    public Task<IActionResult> OnPostActivityAsync(Guid id, CancellationToken ct) => RunAsync(id, async () =>
    {
        await RequireCommitmentOfPlanAsync(id, ct);
        await admin.AddActivityAsync(CommitmentId, ActivityTitle ?? "", Weight, Start, End, Me, ct);
    }, ct);

    public Task<IActionResult> OnPostLeadAsync(Guid id, CancellationToken ct) => RunAsync(id, async () =>
    {
        await RequireCommitmentOfPlanAsync(id, ct);
        var userId = string.IsNullOrWhiteSpace(LeadEmail) ? null : await directory.FindIdByEmailAsync(LeadEmail, ct);
        if (userId is null) throw DomainException.Rule("UnknownEmail");
        await admin.AssignLeadAsync(CommitmentId, userId, Me, ct);
    }, ct);

    /// <summary>The commitment's focal point: any e-mail, with or without an account (empty name and e-mail clear it).</summary>
    public Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken ct) => RunAsync(id, async () =>
    {
        await RequireCommitmentOfPlanAsync(id, ct);
        await admin.SetContactAsync(CommitmentId, ContactName, ContactEmail, ContactCulture, Me, ct);
    }, ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => RunAsync(id, () => admin.PublishAsync(id, Me, ct), ct);

    public Task<IActionResult> OnPostReopenWeightsAsync(Guid id, CancellationToken ct) => RunAsync(id, () => admin.SetWeightsOpenAsync(id, true, Me, ct), ct);

    public Task<IActionResult> OnPostLockWeightsAsync(Guid id, CancellationToken ct) => RunAsync(id, () => admin.SetWeightsOpenAsync(id, false, Me, ct), ct);

    private async Task RequireCommitmentOfPlanAsync(Guid planId, CancellationToken ct)
    {
        var c = await plans.CommitmentAsync(CommitmentId, includeDrafts: true, ct);
        if (c is null || c.PlanId != planId) throw DomainException.Rule("Invalid");
    }

    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action, CancellationToken ct)
    {
        _id = id;
        if (!ModelState.IsValid) throw DomainException.Rule("Invalid");
        await action();
        TempData["PlanSaved"] = text["Saved"].Value;
        return Redirect($"/plan/admin/{id}");
    }

    private Guid _id;

    public async Task<IActionResult> RedisplayAsync() => await LoadAsync(_id, HttpContext.RequestAborted) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var p = await plans.ProgressAsync(id, includeDrafts: true, ct);
        if (p is null) return false;
        Plan = p;
        FocalCommitment = Focal is { } f ? p.Commitments.FirstOrDefault(c => c.Id == f) : null;
        // A redisplayed post keeps what was typed; a GET shows what is saved.
        if (FocalCommitment is { } c && HttpMethods.IsGet(Request.Method))
            (CommitmentId, ContactName, ContactEmail, ContactCulture) = (c.Id, c.ContactName, c.ContactEmail, c.ContactCulture);
        return true;
    }
}
