using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Sheets;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Sheets;

public sealed class ScoreRow
{
    public Guid CriterionId { get; set; }
    public int? Score { get; set; }
    public string? Remark { get; set; }
}

/// <summary>A committee member's scorecard for one sheet (0–4 per criterion, with a remark).</summary>
[Authorize(Policy = Policies.CommitteeMember)]
public sealed class ScoreModel(SheetQueries queries, CommitteeEvaluation evaluation, UserManager<AppUser> users) : PageModel
{
    public SheetPage Sheet { get; private set; } = null!;
    public IReadOnlyList<CriterionView> Criteria { get; private set; } = [];
    [BindProperty] public List<ScoreRow> Scores { get; set; } = [];
    public bool CanScore => User.IsInRole(Roles.CommitteeMember);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var mine = await evaluation.MyScoresAsync(users.GetUserId(User)!, id);
        Scores = Criteria.Select(c => mine.FirstOrDefault(m => m.CriterionId == c.Id) is { } s
            ? new ScoreRow { CriterionId = c.Id, Score = s.Score, Remark = s.Remark }
            : new ScoreRow { CriterionId = c.Id }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        // Only the CommitteeMember role scores: an administrator may read the ranking but has no scorecard.
        var isMember = User.IsInRole(Roles.CommitteeMember);
        await evaluation.ScoreAsync(users.GetUserId(User)!, isMember, id,
            Scores.Where(s => s.Score is not null).Select(s => new CriterionScore(s.CriterionId, s.Score!.Value, s.Remark)).ToList());
        return Redirect($"/sheets/evaluation?cycle={Sheet.CycleId}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await queries.PageAsync(id, null) is not { } page) return false;
        Sheet = page;
        Criteria = await evaluation.CriteriaAsync(page.CycleId);
        return true;
    }
}
