namespace OpenGov.Consultation.Proposals;

/// <summary>An idea a duplicate may be merged into, as the merge picker lists it.</summary>
public sealed record MergeCandidate(Guid Id, string Title);
