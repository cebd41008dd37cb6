
namespace OpenGov.Consultation.Feedback;

/// <summary>Which ideas a list shows. <see cref="Answer"/>: "unanswered", "draft", "published" or a <see cref="ResponseState"/> name.</summary>
public sealed record FeedbackFilter(Guid? AxisId = null, string? Region = null, string? Answer = null);
