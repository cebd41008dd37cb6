namespace OpenGov.Consultation.OpenData;

/// <summary>A commitment sheet as a step of the public trail (idea → response → sheet → commitment).</summary>
public sealed record TracedSheet(Guid Id, Guid CycleId, string Title);
