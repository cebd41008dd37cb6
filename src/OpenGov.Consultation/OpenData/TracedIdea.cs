namespace OpenGov.Consultation.OpenData;

/// <summary>A public idea integrated into a sheet, with the publication of the response that says so.</summary>
public sealed record TracedIdea(Guid Id, string Title, DateTime AnsweredAt);
