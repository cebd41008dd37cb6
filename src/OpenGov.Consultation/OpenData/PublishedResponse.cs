using OpenGov.Consultation.Feedback;

namespace OpenGov.Consultation.OpenData;

/// <summary>An idea's published reasoned response, with the published sheet that integrated it (if any).</summary>
public sealed record PublishedResponse(ResponseState State, string JustificationMarkdown, DateTime PublishedAt, TracedSheet? Sheet);
