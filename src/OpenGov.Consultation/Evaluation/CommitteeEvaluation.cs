using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Text;
using OpenGov.Consultation.Sheets;
using OpenGov.SharedKernel.Auditing;

namespace OpenGov.Consultation.Evaluation;

public sealed record CriterionView(Guid Id, string Name, double Weight);

/// <summary><see cref="Titles"/>: the published title in fr/ar/en (<see cref="Title"/> is its French).</summary>
public sealed record RankedSheet(int Rank, Guid SheetId, string Title, string Agency, double? WeightedScore, int Scorecards,
    IReadOnlyDictionary<Guid, double> MeanByCriterion, bool IsSelected, LocalizedText Titles);

public sealed record Ranking(IReadOnlyList<CriterionView> Criteria, IReadOnlyList<RankedSheet> Sheets, DateTime? SelectionPublishedAt, string? SelectionNote);

/// <summary>
/// The committee's evaluation of a cycle's sheets. Callers authorize the role (committee member or administrator);
/// the use cases take that decision as a parameter (<c>isCommitteeMember</c>/<c>isAdministrator</c>) and refuse otherwise,
/// so no page can forget the check.
/// </summary>
public sealed class CommitteeEvaluation(DbContext db, TimeProvider clock, IAuditLog audit)
{
    public async Task<IReadOnlyList<CriterionView>> CriteriaAsync(Guid cycleId, CancellationToken ct = default)
        => await db.Set<EvaluationCriterion>().Where(c => c.CycleId == cycleId).OrderBy(c => c.Order)
            .Select(c => new CriterionView(c.Id, c.Name, c.Weight)).ToListAsync(ct);

    public async Task AddCriterionAsync(string adminUserId, bool isAdministrator, Guid cycleId, string name, double weight, CancellationToken ct = default)
    {
        if (!isAdministrator) throw DomainException.Forbidden("AdministratorDefinesCriteria");
        await EnsureNotPublishedAsync(cycleId, ct);
        var order = await db.Set<EvaluationCriterion>().Where(c => c.CycleId == cycleId).Select(c => (int?)c.Order).MaxAsync(ct) ?? 0;
        var criterion = new EvaluationCriterion(Guid.NewGuid(), cycleId, name, weight, order + 1);
        db.Add(criterion);
        audit.Record(adminUserId, "evaluation.criterion-added", "cycle", cycleId.ToString(), $"{criterion.Name} ({weight})");
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveCriterionAsync(string adminUserId, bool isAdministrator, Guid criterionId, CancellationToken ct = default)
    {
        if (!isAdministrator) throw DomainException.Forbidden("AdministratorDefinesCriteria");
        var criterion = await db.Set<EvaluationCriterion>().FirstOrDefaultAsync(c => c.Id == criterionId, ct) ?? throw DomainException.NotFound("NotFound");
        await EnsureNotPublishedAsync(criterion.CycleId, ct);
        db.Remove(criterion);
        audit.Record(adminUserId, "evaluation.criterion-removed", "cycle", criterion.CycleId.ToString(), criterion.Name);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<CriterionScore>> MyScoresAsync(string memberUserId, Guid sheetId, CancellationToken ct = default)
    {
        var json = await db.Set<Scorecard>().Where(s => s.SheetId == sheetId && s.MemberUserId == memberUserId).Select(s => s.ScoresJson).FirstOrDefaultAsync(ct);
        return json is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<CriterionScore>>(json) ?? [];
    }

    /// <summary>Creates or updates the member's one scorecard for the sheet, until the selection is published.</summary>
    public async Task ScoreAsync(string memberUserId, bool isCommitteeMember, Guid sheetId, IReadOnlyList<CriterionScore> scores, CancellationToken ct = default)
    {
        if (!isCommitteeMember) throw DomainException.Forbidden("CommitteeMembersScoreSheets");
        var sheet = await db.Set<Sheet>().Where(s => s.Id == sheetId).Select(s => new { s.CycleId, s.CurrentVersion }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("UnknownSheet");
        if (sheet.CurrentVersion == 0) throw DomainException.Rule("PublishedSheetScored");
        await EnsureNotPublishedAsync(sheet.CycleId, ct);
        var criteria = await db.Set<EvaluationCriterion>().Where(c => c.CycleId == sheet.CycleId).Select(c => c.Id).ToListAsync(ct);
        if (criteria.Count == 0) throw DomainException.Rule("AdministratorHasNotDefinedCriteriaYet");
        var now = clock.GetUtcNow().UtcDateTime;
        var card = await db.Set<Scorecard>().FirstOrDefaultAsync(s => s.SheetId == sheetId && s.MemberUserId == memberUserId, ct);
        if (card is null)
        {
            card = new Scorecard(Guid.NewGuid(), sheet.CycleId, sheetId, memberUserId, now);
            db.Add(card);
        }
        card.Score(scores, criteria, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The ranking of a cycle's published sheets by weighted score (three queries, computed in memory).</summary>
    public async Task<Ranking> RankingAsync(Guid cycleId, CancellationToken ct = default)
    {
        var criteria = await db.Set<EvaluationCriterion>().Where(c => c.CycleId == cycleId).OrderBy(c => c.Order).ToListAsync(ct);
        var sheets = await db.Set<Sheet>().Where(s => s.CycleId == cycleId && s.CurrentVersion > 0)
            .Join(db.Set<Agency>(), s => s.AgencyId, a => a.Id, (s, a) => new { s.Id, Title = s.PublishedTitle!, Agency = a.Name, s.IsSelected })
            .OrderBy(s => s.Title).ToListAsync(ct);
        var cards = await db.Set<Scorecard>().Where(s => s.CycleId == cycleId).Select(s => new { s.SheetId, s.ScoresJson }).ToListAsync(ct);
        var bySheet = cards.GroupBy(c => c.SheetId).ToDictionary(g => g.Key,
            g => g.Select(c => (IReadOnlyList<CriterionScore>)(System.Text.Json.JsonSerializer.Deserialize<List<CriterionScore>>(c.ScoresJson) ?? [])).ToList());
        var scores = WeightedScoring.Rank(sheets.Select(s => WeightedScoring.Compute(s.Id, criteria, bySheet.GetValueOrDefault(s.Id) ?? [])));
        var info = sheets.ToDictionary(s => s.Id);
        var titles = await SheetTitles.PublishedAsync(db, info.Keys, ct);
        var selection = await db.Set<CycleSelection>().Where(s => s.CycleId == cycleId).Select(s => new { s.PublishedAt, s.Note }).FirstOrDefaultAsync(ct);
        return new Ranking(criteria.Select(c => new CriterionView(c.Id, c.Name, c.Weight)).ToList(),
            scores.Select((s, i) => new RankedSheet(i + 1, s.SheetId, info[s.SheetId].Title, info[s.SheetId].Agency, s.WeightedScore, s.Scorecards,
                s.MeanByCriterion, info[s.SheetId].IsSelected, titles.GetValueOrDefault(s.SheetId) ?? new LocalizedText(info[s.SheetId].Title))).ToList(),
            selection?.PublishedAt, selection?.Note);
    }

    /// <summary>Marks the sheets retained for the plan (before publication of the selection).</summary>
    public async Task SelectAsync(string adminUserId, bool isAdministrator, Guid cycleId, IReadOnlyCollection<Guid> retained, CancellationToken ct = default)
    {
        if (!isAdministrator) throw DomainException.Forbidden("AdministratorSelectsSheets");
        await EnsureNotPublishedAsync(cycleId, ct);
        var sheets = await db.Set<Sheet>().Where(s => s.CycleId == cycleId && s.CurrentVersion > 0).ToListAsync(ct);
        foreach (var s in sheets) s.MarkSelected(retained.Contains(s.Id));
        audit.Record(adminUserId, "evaluation.selection-saved", "cycle", cycleId.ToString(), $"{retained.Count} sheets");
        await db.SaveChangesAsync(ct);
    }

    public async Task PublishSelectionAsync(string adminUserId, bool isAdministrator, Guid cycleId, string? note, CancellationToken ct = default)
    {
        if (!isAdministrator) throw DomainException.Forbidden("AdministratorPublishesSelection");
        await EnsureNotPublishedAsync(cycleId, ct);
        if (!await db.Set<Sheet>().AnyAsync(s => s.CycleId == cycleId && s.IsSelected, ct))
            throw DomainException.Rule("SelectLeastOneSheetFirst");
        db.Add(new CycleSelection(cycleId, adminUserId, note, clock.GetUtcNow().UtcDateTime));
        audit.Record(adminUserId, "evaluation.selection-published", "cycle", cycleId.ToString());
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureNotPublishedAsync(Guid cycleId, CancellationToken ct)
    {
        if (await db.Set<CycleSelection>().AnyAsync(s => s.CycleId == cycleId, ct))
            throw DomainException.Rule("SelectionCyclePublishedEvaluationClosed");
    }
}
