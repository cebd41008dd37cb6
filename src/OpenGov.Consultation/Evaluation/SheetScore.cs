
namespace OpenGov.Consultation.Evaluation;

public sealed record SheetScore(Guid SheetId, double? WeightedScore, int Scorecards, IReadOnlyDictionary<Guid, double> MeanByCriterion);
