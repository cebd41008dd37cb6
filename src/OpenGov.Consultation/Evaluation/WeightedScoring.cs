
namespace OpenGov.Consultation.Evaluation;

/// <summary>The committee's arithmetic, kept pure so it is tested on its own.</summary>
public static class WeightedScoring
{
    /// <summary>Per criterion, the mean of the members' scores; the sheet's score is the weighted mean of those (0–4),
    /// over the criteria that received at least one score. Null when nobody scored.</summary>
    public static SheetScore Compute(Guid sheetId, IReadOnlyList<EvaluationCriterion> criteria, IEnumerable<IReadOnlyList<CriterionScore>> scorecards)
    {
        var cards = scorecards.ToList();
        var means = new Dictionary<Guid, double>();
        foreach (var c in criteria)
        {
            var values = cards.SelectMany(s => s).Where(s => s.CriterionId == c.Id).Select(s => (double)s.Score).ToList();
            if (values.Count > 0) means[c.Id] = values.Average();
        }
        var weights = criteria.Where(c => means.ContainsKey(c.Id)).Sum(c => c.Weight);
        double? weighted = weights > 0 ? criteria.Where(c => means.ContainsKey(c.Id)).Sum(c => c.Weight * means[c.Id]) / weights : null;
        return new SheetScore(sheetId, weighted is null ? null : Math.Round(weighted.Value, 2), cards.Count, means);
    }

    /// <summary>Best first; unscored sheets last; ties keep the given order.</summary>
    public static IReadOnlyList<SheetScore> Rank(IEnumerable<SheetScore> scores)
        => scores.OrderByDescending(s => s.WeightedScore.HasValue).ThenByDescending(s => s.WeightedScore ?? 0).ToList();
}
