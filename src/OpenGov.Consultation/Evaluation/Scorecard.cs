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
            if (s.Score is < MinScore or > MaxScore) throw new ArgumentException("A score is between 0 and 4.", nameof(scores));
            if (!criteria.Contains(s.CriterionId)) throw new ArgumentException("Unknown criterion.", nameof(scores));
            if (s.Remark is { Length: > 2000 }) throw new ArgumentException("A remark has at most 2000 characters.", nameof(scores));
        }
        if (scores.Select(s => s.CriterionId).Distinct().Count() != scores.Count) throw new ArgumentException("One score per criterion.", nameof(scores));
        ScoresJson = JsonSerializer.Serialize(scores.Select(s => s with { Remark = string.IsNullOrWhiteSpace(s.Remark) ? null : s.Remark.Trim() }).ToList());
        UpdatedAt = now;
    }
}
