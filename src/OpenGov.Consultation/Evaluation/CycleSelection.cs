
namespace OpenGov.Consultation.Evaluation;

/// <summary>The published selection of a cycle: after it, scorecards are frozen and the retained sheets are public with their scores.</summary>
public sealed class CycleSelection
{
    private CycleSelection() { }

    public CycleSelection(Guid cycleId, string publishedByUserId, string? note, DateTime now)
    {
        CycleId = cycleId;
        PublishedByUserId = publishedByUserId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        PublishedAt = now;
    }

    public Guid CycleId { get; private set; }
    public string PublishedByUserId { get; private set; } = "";
    public string? Note { get; private set; }
    public DateTime PublishedAt { get; private set; }
}
