
namespace OpenGov.Consultation.Feedback;

public sealed record FeedbackCoverageResult(int Answered, int Total);
