
namespace OpenGov.Consultation.Evaluation;

public sealed record CriterionScore(Guid CriterionId, int Score, string? Remark);
