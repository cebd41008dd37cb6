namespace OpenGov.Consultation.Proposals;

/// <summary>What waits for moderators: ideas to review, reported (still visible) ideas and comments, hidden ideas.</summary>
public sealed record ModerationBacklog(int Submitted, int ReportedProposals, int ReportedComments, int HiddenProposals);
