using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Evaluation;

/// <summary>A weighted criterion the committee scores the sheets of a cycle on (e.g. transformational impact).</summary>
public sealed class EvaluationCriterion
{
    private EvaluationCriterion() { }

    public EvaluationCriterion(Guid id, Guid cycleId, string name, double weight, int order)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 200) throw new ArgumentException("At most 200 characters.", nameof(name));
        if (weight is <= 0 or > 100 || double.IsNaN(weight)) throw new ArgumentException("A weight is between 0 (excluded) and 100.", nameof(weight));
        Id = id;
        CycleId = cycleId;
        Name = name.Trim();
        Weight = weight;
        Order = order;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public string Name { get; private set; } = "";
    public double Weight { get; private set; }
    public int Order { get; private set; }
}

public sealed record CriterionScore(Guid CriterionId, int Score, string? Remark);

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

/// <summary>The published selection of a cycle: after it, scorecards are frozen and the retained sheets are public with their scores.</summary>
public sealed class CycleSelection
{
    private CycleSelection() { }

    public CycleSelection(Guid cycleId, string publishedByUserId, string? note, DateTime now)
    {
        CycleId = cycleId;
        PublishedByUserId = publishedByUserId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        PublishedAt = now;
    }

    public Guid CycleId { get; private set; }
    public string PublishedByUserId { get; private set; } = "";
    public string? Note { get; private set; }
    public DateTime PublishedAt { get; private set; }
}

public sealed record SheetScore(Guid SheetId, double? WeightedScore, int Scorecards, IReadOnlyDictionary<Guid, double> MeanByCriterion);

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

public sealed class EvaluationCriterionConfiguration : IEntityTypeConfiguration<EvaluationCriterion>
{
    public void Configure(EntityTypeBuilder<EvaluationCriterion> b)
    {
        b.ToTable("EvaluationCriteria");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.CycleId, x.Order });
    }
}

public sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> b)
    {
        b.ToTable("Scorecards");
        b.HasKey(x => x.Id);
        b.Property(x => x.MemberUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.ScoresJson).IsRequired();
        b.Ignore(x => x.Scores);
        b.HasIndex(x => new { x.SheetId, x.MemberUserId }).IsUnique();
        b.HasIndex(x => x.CycleId);
        b.HasOne<Sheets.Sheet>().WithMany().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CycleSelectionConfiguration : IEntityTypeConfiguration<CycleSelection>
{
    public void Configure(EntityTypeBuilder<CycleSelection> b)
    {
        b.ToTable("CycleSelections");
        b.HasKey(x => x.CycleId);
        b.Property(x => x.PublishedByUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Note).HasMaxLength(4000);
    }
}
