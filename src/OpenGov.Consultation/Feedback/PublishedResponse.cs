namespace OpenGov.Consultation.Feedback;

/// <summary>An idea's published reasoned response, with the published sheet that integrated it (if any).</summary>
public sealed record PublishedResponse(ResponseState State, string JustificationMarkdown, DateTime PublishedAt, TracedSheet? Sheet);
