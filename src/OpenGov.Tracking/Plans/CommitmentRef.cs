namespace OpenGov.Tracking.Plans;

/// <summary>A commitment of a published plan as a step of the public trail, with the sheet it was adopted from.</summary>
public sealed record CommitmentRef(Guid Id, Guid PlanId, string PlanTitle, int Number, string Title, Guid? SourceSheetId);
