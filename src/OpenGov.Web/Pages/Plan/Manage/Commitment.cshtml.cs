using OpenGov.SharedKernel.Errors;
using OpenGov.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Tracking;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Plan.Manage;

/// <summary>
/// A project lead reports on one of their commitments. Every handler goes through <see cref="CommitmentReporting"/>,
/// which refuses (403 here) anyone who is neither one of the commitment's leads nor an administrator.
/// </summary>
[Authorize(Policy = Policies.AdministrationEditor)]
[EnableRateLimiting(RateLimits.Submit)]
public sealed class CommitmentModel(PlanQueries plans, CommitmentReporting reporting, InformationRequests requests, IStringLocalizer<PlanText> text) : PageModel, IRedisplayPage
{
    public CommitmentDetails Commitment { get; private set; } = null!;
    public IReadOnlyList<UpdateView> History { get; private set; } = [];
    public IReadOnlyList<RequestView> Requests { get; private set; } = [];

    [BindProperty] public Guid ActivityId { get; set; }
    /// <summary>Kept as text: number inputs post "70.5" whatever the UI culture, and a typed value is shown back as typed.</summary>
    [BindProperty] public string? Percent { get; set; }
    [BindProperty] public string? NotDone { get; set; }
    [BindProperty] public string? Difficulties { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DateOnly? Start { get; set; }
    [BindProperty] public DateOnly? End { get; set; }
    [BindProperty] public bool Additional { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? CommAction { get; set; }
    [BindProperty] public DateOnly? CommDate { get; set; }
    [BindProperty] public string? CommAudience { get; set; }
    [BindProperty] public string? CommIndicators { get; set; }
    [BindProperty] public string? Results { get; set; }
    [BindProperty] public string? HowAddressed { get; set; }
    [BindProperty] public string? NextSteps { get; set; }
    [BindProperty] public Guid RequestId { get; set; }
    [BindProperty] public string? Answer { get; set; }

    /// <summary>Which form failed, so its fields show the error and keep the input.</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await reporting.CanEditAsync(id, TrackingWeb.ActorOf(User), ct)) return await ExistsAsync(id, ct) ? Forbid() : NotFound();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostProgressAsync(Guid id, CancellationToken ct) => RunAsync(id, "progress", actor =>
        ParseNumber(Percent) is not { } percent || percent < 0 || percent > 100 ? throw DomainException.Rule("Percent")
            : reporting.ReportActivityAsync(id, ActivityId, percent, NotDone ?? "", Difficulties ?? "", actor, ct), ct);

    private static double? ParseNumber(string? value)
        => double.TryParse((value ?? "").Trim().Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
           && double.IsFinite(d) ? d : null;

    public Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken ct) => RunAsync(id, "action", actor =>
        reporting.AddActionAsync(id, ActivityId, Description ?? "", Start, End, Additional, actor, ct), ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) => RunAsync(id, "cancel", actor =>
        reporting.CancelActivityAsync(id, ActivityId, Reason ?? "", actor, ct), ct);

    public Task<IActionResult> OnPostCommunicationAsync(Guid id, CancellationToken ct) => RunAsync(id, "communication", actor =>
        reporting.AddCommunicationActionAsync(id, CommAction ?? "", CommDate, CommAudience ?? "", CommIndicators ?? "", actor, ct), ct);

    public Task<IActionResult> OnPostSelfAssessmentAsync(Guid id, CancellationToken ct) => RunAsync(id, "self-assessment", actor =>
        reporting.SaveSelfAssessmentAsync(id, Results ?? "", HowAddressed ?? "", NextSteps ?? "", actor, ct), ct);

    public Task<IActionResult> OnPostWeightsAsync(Guid id, CancellationToken ct) => RunAsync(id, "weights", actor =>
        reporting.SetWeightsAsync(id, ReadWeights(), actor, ct), ct);

    /// <summary>Fields "Weights[activityId]" (read by hand: a dictionary binder would also try every other field as a key).</summary>
    private Dictionary<Guid, double> ReadWeights()
    {
        var weights = new Dictionary<Guid, double>();
        foreach (var (key, value) in Request.Form)
        {
            if (!key.StartsWith("Weights[", StringComparison.Ordinal) || !key.EndsWith(']')) continue;
            if (!Guid.TryParse(key[8..^1], out var activityId)
                || ParseNumber(value.ToString()) is not { } weight)
                throw DomainException.Rule("Invalid");
            weights[activityId] = weight;
        }
        return weights;
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct) => RunAsync(id, "answer", async actor =>
    {
        // The request must belong to this commitment: the lead check is on the request's own commitment.
        var thread = await requests.ThreadAsync(id, ct);
        if (thread.All(r => r.Id != RequestId)) return false;
        return await requests.AnswerAsync(RequestId, Answer ?? "", actor, ct);
    }, ct);

    /// <summary>Authorizes, runs one use case, and turns domain errors into a form error (input kept) or a 403.</summary>
    private async Task<IActionResult> RunAsync(Guid id, string form, Func<Actor, Task<bool>> action, CancellationToken ct)
    {
        var actor = TrackingWeb.ActorOf(User);
        if (!await reporting.CanEditAsync(id, actor, ct)) return await ExistsAsync(id, ct) ? Forbid() : NotFound();
        (_id, _form) = (id, form);
        if (!ModelState.IsValid) throw DomainException.Rule("Invalid");
        if (!await action(actor)) return NotFound();
        TempData["PlanSaved"] = text["Saved"].Value;
        return Redirect($"/plan/manage/commitments/{id}#{form}");
    }

    private Guid _id;
    private string _form = "";

    /// <summary>The refused form shows the error beside its fields (FailedForm) with the input kept.</summary>
    public async Task<IActionResult> RedisplayAsync()
    {
        FailedForm = _form;
        foreach (var e in ModelState[string.Empty]?.Errors.ToList() ?? []) ModelState.AddModelError(_form, e.ErrorMessage);
        ModelState.Remove(string.Empty);
        return await LoadAsync(_id, HttpContext.RequestAborted) ? Page() : NotFound();
    }

    private async Task<bool> ExistsAsync(Guid id, CancellationToken ct) => await plans.CommitmentAsync(id, includeDrafts: true, ct) is not null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await plans.CommitmentAsync(id, includeDrafts: true, ct);
        if (c is null) return false;
        Commitment = c;
        History = await plans.HistoryAsync(id, 50, ct);
        Requests = await requests.ThreadAsync(id, ct);
        if (FailedForm != "self-assessment")
        {
            Results = c.Results;
            HowAddressed = c.HowAddressed;
            NextSteps = c.NextSteps;
        }
        return true;
    }
}
