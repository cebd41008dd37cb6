namespace OpenGov.Tracking.Plans;

/// <summary>
/// A commitment of an adopted plan, with its activities and communication actions. Its project leads (user ids)
/// are the only non-administrators allowed to report on it; every report is kept in <see cref="CommitmentUpdate"/>.
/// </summary>
public sealed class Commitment
{
    private readonly List<Activity> _activities = [];
    private readonly List<CommunicationAction> _communicationActions = [];
    private readonly List<CommitmentLead> _leads = [];

    private Commitment() { }

    public Commitment(Guid id, Guid planId, Guid axisId, int number, string title, string leadAgency, DateTime createdAt)
    {
        Id = id;
        PlanId = planId;
        AxisId = axisId;
        CreatedAt = createdAt;
        Edit(number, title, leadAgency, "", "");
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid AxisId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string LeadAgency { get; private set; } = "";
    public string Problem { get; private set; } = "";
    public string Description { get; private set; } = "";
    /// <summary>Self-assessment: results achieved.</summary>
    public string Results { get; private set; } = "";
    /// <summary>Self-assessment: how the commitment addressed the initial problem.</summary>
    public string HowAddressed { get; private set; } = "";
    /// <summary>Self-assessment: next steps.</summary>
    public string NextSteps { get; private set; } = "";
    /// <summary>The commitment sheet of the co-creation cycle it was adopted from (seam for the adoption feature).</summary>
    public Guid? SourceSheetId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastUpdatedAt { get; private set; }
    public string? LastUpdatedBy { get; private set; }

    public IReadOnlyList<Activity> Activities => _activities;
    public IReadOnlyList<CommunicationAction> CommunicationActions => _communicationActions;
    public IReadOnlyList<CommitmentLead> Leads => _leads;

    public bool IsLead(string userId) => _leads.Any(l => l.UserId == userId);

    public void Edit(int number, string title, string leadAgency, string problem, string description)
    {
        if (number < 1) throw new ArgumentException("A commitment number starts at 1.", nameof(number));
        Require(title, 500, nameof(title));
        Require(leadAgency, 300, nameof(leadAgency));
        Number = number;
        Title = title.Trim();
        LeadAgency = leadAgency.Trim();
        Problem = Limit(problem, 20000, nameof(problem));
        Description = Limit(description, 20000, nameof(description));
    }

    public void MoveToAxis(Guid axisId) => AxisId = axisId;

    public void LinkToSheet(Guid? sheetId) => SourceSheetId = sheetId;

    public void AssignLead(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!IsLead(userId)) _leads.Add(new CommitmentLead(Id, userId));
    }

    public void RemoveLead(string userId) => _leads.RemoveAll(l => l.UserId == userId);

    public Activity AddActivity(string title, double weight, DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        var activity = new Activity(Guid.NewGuid(), Id, _activities.Count + 1, title, weight, plannedStart, plannedEnd);
        _activities.Add(activity);
        return activity;
    }

    public Activity RequireActivity(Guid activityId)
        => _activities.FirstOrDefault(a => a.Id == activityId) ?? throw new InvalidOperationException("This activity does not belong to the commitment.");

    public CommunicationAction AddCommunicationAction(string action, DateOnly? date, string audience, string indicators)
    {
        var c = new CommunicationAction(Guid.NewGuid(), Id, action, date, audience, indicators);
        _communicationActions.Add(c);
        return c;
    }

    public void SetSelfAssessment(string results, string howAddressed, string nextSteps)
    {
        Results = Limit(results, 20000, nameof(results));
        HowAddressed = Limit(howAddressed, 20000, nameof(howAddressed));
        NextSteps = Limit(nextSteps, 20000, nameof(nextSteps));
    }

    /// <summary>Stamps "last updated"; the caller adds the matching <see cref="CommitmentUpdate"/> to the history.</summary>
    public CommitmentUpdate Touch(string userId, DateTime now, string kind, string summary)
    {
        LastUpdatedAt = now;
        LastUpdatedBy = userId;
        return new CommitmentUpdate(Guid.NewGuid(), Id, now, userId, kind, summary);
    }

    public double Rate() => Progress.CommitmentRate(_activities.Select(a => new ActivityProgress(a.Weight, a.Percent, a.IsCancelled)));

    internal static void Require(string value, int max, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"The {name} is required.", name);
        if (value.Trim().Length > max) throw new ArgumentException($"The {name} is too long ({max} characters at most).", name);
    }

    internal static string Limit(string? value, int max, string name)
    {
        var v = (value ?? "").Trim();
        if (v.Length > max) throw new ArgumentException($"The {name} is too long ({max} characters at most).", name);
        return v;
    }
}

public sealed class CommitmentLead
{
    private CommitmentLead() { }

    internal CommitmentLead(Guid commitmentId, string userId)
    {
        CommitmentId = commitmentId;
        UserId = userId;
    }

    public Guid CommitmentId { get; private set; }
    public string UserId { get; private set; } = "";
}

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

    public void Rename(string title)
    {
        Commitment.Require(title, 500, nameof(title));
        Title = title.Trim();
    }

    public void SetWeight(double weight)
    {
        if (double.IsNaN(weight) || weight < 0 || weight > 1000) throw new ArgumentException("A weight is a number between 0 and 1000.", nameof(weight));
        Weight = weight;
    }

    public void Schedule(DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        if (plannedStart is { } s && plannedEnd is { } e && e < s) throw new ArgumentException("The planned end is before the planned start.", nameof(plannedEnd));
        PlannedStart = plannedStart;
        PlannedEnd = plannedEnd;
    }

    public void ReportProgress(double percent)
    {
        if (double.IsNaN(percent) || percent < 0 || percent > 100) throw new ArgumentException("Progress is a percentage between 0 and 100.", nameof(percent));
        if (IsCancelled) throw new InvalidOperationException("A cancelled activity has no progress to report.");
        Percent = percent;
    }

    public void ReportIssues(string notDone, string difficulties)
    {
        NotDone = Commitment.Limit(notDone, 5000, nameof(notDone));
        Difficulties = Commitment.Limit(difficulties, 5000, nameof(difficulties));
    }

    public void Cancel(string reason)
    {
        Commitment.Require(reason, 2000, nameof(reason));
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

/// <summary>An action carried out for an activity: planned, or additional (not in the adopted plan).</summary>
public sealed class ActivityAction
{
    private ActivityAction() { }

    internal ActivityAction(Guid id, Guid activityId, string description, DateOnly? start, DateOnly? end, bool additional)
    {
        Commitment.Require(description, 4000, nameof(description));
        if (start is { } s && end is { } e && e < s) throw new ArgumentException("The action ends before it starts.", nameof(end));
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

public sealed class CommunicationAction
{
    private CommunicationAction() { }

    internal CommunicationAction(Guid id, Guid commitmentId, string action, DateOnly? date, string audience, string indicators)
    {
        Commitment.Require(action, 4000, nameof(action));
        Id = id;
        CommitmentId = commitmentId;
        Action = action.Trim();
        Date = date;
        Audience = Commitment.Limit(audience, 500, nameof(audience));
        Indicators = Commitment.Limit(indicators, 2000, nameof(indicators));
    }

    public Guid Id { get; private set; }
    public Guid CommitmentId { get; private set; }
    public string Action { get; private set; } = "";
    public DateOnly? Date { get; private set; }
    public string Audience { get; private set; } = "";
    public string Indicators { get; private set; } = "";
}

/// <summary>One entry of a commitment's history: who reported what, and when.</summary>
public sealed class CommitmentUpdate
{
    private CommitmentUpdate() { }

    internal CommitmentUpdate(Guid id, Guid commitmentId, DateTime at, string userId, string kind, string summary)
    {
        Id = id;
        CommitmentId = commitmentId;
        At = at;
        UserId = userId;
        Kind = kind;
        Summary = summary.Length > 2000 ? summary[..2000] : summary;
    }

    public Guid Id { get; private set; }
    public Guid CommitmentId { get; private set; }
    public DateTime At { get; private set; }
    public string UserId { get; private set; } = "";
    /// <summary>"progress", "action", "communication", "self-assessment", "weights", "edit".</summary>
    public string Kind { get; private set; } = "";
    public string Summary { get; private set; } = "";
}

/// <summary>A committee member's question to a commitment's project leads, and the leads' answer.</summary>
public sealed class InformationRequest
{
    private InformationRequest() { }

    public InformationRequest(Guid id, Guid commitmentId, string askedBy, string question, DateTime askedAt)
    {
        Commitment.Require(question, 4000, nameof(question));
        Id = id;
        CommitmentId = commitmentId;
        AskedBy = askedBy;
        Question = question.Trim();
        AskedAt = askedAt;
    }

    public Guid Id { get; private set; }
    public Guid CommitmentId { get; private set; }
    public string AskedBy { get; private set; } = "";
    public string Question { get; private set; } = "";
    public DateTime AskedAt { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    public bool IsOpen => AnsweredAt is null;

    public void AnswerWith(string answer, string userId, DateTime now)
    {
        Commitment.Require(answer, 8000, nameof(answer));
        if (!IsOpen) throw new InvalidOperationException("This request has already been answered.");
        Answer = answer.Trim();
        AnsweredBy = userId;
        AnsweredAt = now;
    }

    public bool IsOverdue(DateTime now, int days) => IsOpen && now - AskedAt > TimeSpan.FromDays(days);
}
