using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
namespace OpenGov.Tracking.Plans;

public sealed class Activity
{
    private readonly List<ActivityAction> _actions = [];

    private Activity() { }

    internal Activity(Guid id, Guid commitmentId, int order, string title, double weight, DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        Id = id;
        CommitmentId = commitmentId;
        Order = order;
        Rename(title);
        SetWeight(weight);
        Schedule(plannedStart, plannedEnd);
    }

    public Guid Id { get; private set; }
    public Guid CommitmentId { get; private set; }
    public int Order { get; private set; }
    public string Title { get; private set; } = "";
    public string? TitleAr { get; private set; }
    public string? TitleEn { get; private set; }
    public double Weight { get; private set; }
    public DateOnly? PlannedStart { get; private set; }
    public DateOnly? PlannedEnd { get; private set; }
    public double Percent { get; private set; }
    public bool IsCancelled { get; private set; }
    public string? CancellationReason { get; private set; }
    /// <summary>Planned actions that were not done (one per line).</summary>
    public string NotDone { get; private set; } = "";
    /// <summary>Difficulties flagged by the project lead.</summary>
    public string Difficulties { get; private set; } = "";

    public IReadOnlyList<ActivityAction> Actions => _actions;

    public ProgressLevel Level => Progress.LevelOf(Percent);

    public LocalizedText TitleText => new(Title, TitleAr, TitleEn);

    public void Translate(LocalizedText title)
    {
        title.Checked("Field.title", 500, singleLine: true);
        (Title, TitleAr, TitleEn) = (title.Fr, title.Ar, title.En);
    }

    public void Rename(string title)
    {
        Commitment.Require(title, 500, "Field.title");
        Title = SingleLineText.Trim(title, "Title");
    }

    public void SetWeight(double weight)
    {
        if (double.IsNaN(weight) || weight < 0 || weight > 1000) throw DomainException.Rule("WeightNumberBetween01000");
        Weight = weight;
    }

    public void Schedule(DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        if (plannedStart is { } s && plannedEnd is { } e && e < s) throw DomainException.Rule("PlannedEndBeforePlannedStart");
        PlannedStart = plannedStart;
        PlannedEnd = plannedEnd;
    }

    public void ReportProgress(double percent)
    {
        if (double.IsNaN(percent) || percent < 0 || percent > 100) throw DomainException.Rule("ProgressPercentageBetween0100");
        if (IsCancelled) throw DomainException.Rule("CancelledActivityHasNoProgressReport");
        Percent = percent;
    }

    public void ReportIssues(string notDone, string difficulties)
    {
        NotDone = Commitment.Limit(notDone, 5000, "Field.notDone");
        Difficulties = Commitment.Limit(difficulties, 5000, "Field.difficulties");
    }

    public void Cancel(string reason)
    {
        Commitment.Require(reason, 2000, "Field.reason");
        IsCancelled = true;
        CancellationReason = reason.Trim();
    }

    public void Restore()
    {
        IsCancelled = false;
        CancellationReason = null;
    }

    public ActivityAction AddAction(string description, DateOnly? start, DateOnly? end, bool additional)
    {
        var action = new ActivityAction(Guid.NewGuid(), Id, description, start, end, additional);
        _actions.Add(action);
        return action;
    }
}
