namespace OpenGov.Consultation.Proposals;

/// <summary>Ideas published in the ISO week starting on <see cref="WeekStart"/> (a Monday).</summary>
public sealed record WeekCount(DateOnly WeekStart, int Count);
