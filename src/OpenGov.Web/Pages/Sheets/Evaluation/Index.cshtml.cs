using OpenGov.Web.Security;
using OpenGov.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Sheets;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Sheets.Evaluation;

/// <summary>The committee's ranking (committee members and administrators); administrators define criteria and select.</summary>
[Authorize(Policy = Policies.CommitteeMember)]
public sealed class IndexModel(SheetQueries queries, CommitteeEvaluation evaluation, UserManager<AppUser> users) : PageModel, IRedisplayPage
{
    public IReadOnlyList<(Guid Id, OpenGov.SharedKernel.Text.LocalizedText Title)> Cycles { get; private set; } = [];
    public Guid Cycle { get; private set; }
    public Ranking Ranking { get; private set; } = null!;
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);
    /// <summary>Only committee members hold a scorecard (administrators read the ranking).</summary>
    public bool CanScore => User.IsInRole(Roles.CommitteeMember);
    public OpenGov.SharedKernel.Text.LocalizedText CycleTitle => Cycles.FirstOrDefault(c => c.Id == Cycle).Title ?? new("");

    [BindProperty, SingleLine] public string? CriterionName { get; set; }
    [BindProperty] public double CriterionWeight { get; set; } = 25;
    [BindProperty] public List<Guid> Selected { get; set; } = [];
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? cycle) => await LoadAsync(cycle) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddCriterionAsync(Guid cycle)
        => RunAsync(cycle, () => evaluation.AddCriterionAsync(users.GetUserId(User)!, IsAdministrator, cycle, CriterionName ?? "", CriterionWeight));

    public Task<IActionResult> OnPostRemoveCriterionAsync(Guid cycle, Guid criterionId)
        => RunAsync(cycle, () => evaluation.RemoveCriterionAsync(users.GetUserId(User)!, IsAdministrator, criterionId));

    public Task<IActionResult> OnPostSelectAsync(Guid cycle)
        => RunAsync(cycle, () => evaluation.SelectAsync(users.GetUserId(User)!, IsAdministrator, cycle, Selected));

    public Task<IActionResult> OnPostPublishAsync(Guid cycle)
        => RunAsync(cycle, () => evaluation.PublishSelectionAsync(users.GetUserId(User)!, IsAdministrator, cycle, Note));

    private Guid? _cycle;

    private async Task<IActionResult> RunAsync(Guid cycle, Func<Task> action)
    {
        _cycle = cycle;
        await action();
        return Redirect($"/sheets/evaluation?cycle={cycle}");
    }

    public async Task<IActionResult> RedisplayAsync() => await LoadAsync(_cycle) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid? cycle)
    {
        Cycles = await queries.CyclesAsync();
        if (Cycles.Count == 0) return false;
        Cycle = cycle is { } c && Cycles.Any(x => x.Id == c) ? c : await queries.DefaultCycleAsync() ?? Cycles[0].Id;
        Ranking = await evaluation.RankingAsync(Cycle);
        return true;
    }
}
