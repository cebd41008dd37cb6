using OpenGov.SharedKernel.Text;

namespace OpenGov.Tracking.Plans;

/// <summary>A commitment of a published plan as a step of the public trail, with the sheet it was adopted from.</summary>
public sealed record CommitmentRef(Guid Id, Guid PlanId, string PlanTitle, int Number, string Title, Guid? SourceSheetId)
{
    /// <summary>The commitment's title in every language (<see cref="Title"/> is the French original).</summary>
    public LocalizedText TitleText { get; init; } = new(Title);

    /// <summary>The plan's title in every language (<see cref="PlanTitle"/> is the French original).</summary>
    public LocalizedText PlanTitleText { get; init; } = new(PlanTitle);
}
