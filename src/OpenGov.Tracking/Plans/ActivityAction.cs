using OpenGov.SharedKernel.Errors;
namespace OpenGov.Tracking.Plans;

/// <summary>An action carried out for an activity: planned, or additional (not in the adopted plan).</summary>
public sealed class ActivityAction
{
    private ActivityAction() { }

    internal ActivityAction(Guid id, Guid activityId, string description, DateOnly? start, DateOnly? end, bool additional)
    {
        Commitment.Require(description, 4000, "Field.description");
        if (start is { } s && end is { } e && e < s) throw DomainException.Rule("ActionEndsBeforeStarts");
        Id = id;
        ActivityId = activityId;
        Description = description.Trim();
        Start = start;
        End = end;
        IsAdditional = additional;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public string Description { get; private set; } = "";
    public DateOnly? Start { get; private set; }
    public DateOnly? End { get; private set; }
    public bool IsAdditional { get; private set; }
}
