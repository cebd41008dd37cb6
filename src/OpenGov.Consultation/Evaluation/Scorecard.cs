using OpenGov.SharedKernel.Errors;
using System.Text.Json;

namespace OpenGov.Consultation.Evaluation;

/// <summary>One committee member's scores for one sheet: one scorecard per member and sheet, editable until the selection is published.</summary>
public sealed class Scorecard
{
    public const int MinScore = 0;
    public const int MaxScore = 4;

    private Scorecard() { }

    public Scorecard(Guid id, Guid cycleId, Guid sheetId, string memberUserId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberUserId);
        Id = id;
        CycleId = cycleId;
        SheetId = sheetId;
        MemberUserId = memberUserId;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public Guid SheetId { get; private set; }
    public string MemberUserId { get; private set; } = "";
    public string ScoresJson { get; private set; } = "[]";
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<CriterionScore> Scores => JsonSerializer.Deserialize<List<CriterionScore>>(ScoresJson) ?? [];

    public void Score(IReadOnlyList<CriterionScore> scores, IReadOnlyCollection<Guid> criteria, DateTime now)
    {
        foreach (var s in scores)
        {
            if (s.Score is < MinScore or > MaxScore) throw DomainException.Rule("ScoreBetween04");
            if (!criteria.Contains(s.CriterionId)) throw DomainException.Rule("UnknownCriterion");
            if (s.Remark is { Length: > 2000 }) throw DomainException.Rule("RemarkHasMost2000Characters");
        }
        if (scores.Select(s => s.CriterionId).Distinct().Count() != scores.Count) throw DomainException.Rule("OneScorePerCriterion");
        ScoresJson = JsonSerializer.Serialize(scores.Select(s => s with { Remark = string.IsNullOrWhiteSpace(s.Remark) ? null : s.Remark.Trim() }).ToList());
        UpdatedAt = now;
    }
}
