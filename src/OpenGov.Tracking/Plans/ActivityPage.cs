namespace OpenGov.Tracking.Plans;

/// <summary>An activity's own public page: the activity and the commitment it belongs to.</summary>
public sealed record ActivityPage(ActivityView Activity, CommitmentRef Commitment);
