using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.OpenData;

/// <summary>A commitment sheet as a step of the public trail (idea → response → sheet → commitment).</summary>
public sealed record TracedSheet(Guid Id, Guid CycleId, string Title)
{
    /// <summary>The published title in fr/ar/en (<see cref="Title"/> is its French; drafts offered to moderators have only it).</summary>
    public LocalizedText TitleText { get; init; } = new(Title);
}
