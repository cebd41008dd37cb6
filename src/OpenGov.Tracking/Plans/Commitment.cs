using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
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
    public string? TitleAr { get; private set; }
    public string? TitleEn { get; private set; }
    public string? ProblemAr { get; private set; }
    public string? ProblemEn { get; private set; }
    public string? DescriptionAr { get; private set; }
    public string? DescriptionEn { get; private set; }
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
    /// <summary>The agency's focal point, who answers for the commitment and receives its reminders: a name and an e-mail,
    /// with or without an account on the site (null when none is set).</summary>
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }
    /// <summary>The language of the mails to <see cref="ContactEmail"/> while no account holds it (fr, ar or en).</summary>
    public string ContactCulture { get; private set; } = MailLanguage.Default;

    public IReadOnlyList<Activity> Activities => _activities;
    public IReadOnlyList<CommunicationAction> CommunicationActions => _communicationActions;
    public IReadOnlyList<CommitmentLead> Leads => _leads;

    public LocalizedText TitleText => new(Title, TitleAr, TitleEn);
    public LocalizedText ProblemText => new(Problem, ProblemAr, ProblemEn);
    public LocalizedText DescriptionText => new(Description, DescriptionAr, DescriptionEn);

    /// <summary>Sets the official texts in every language at once (French required for the title).</summary>
    public void Translate(LocalizedText title, LocalizedText problem, LocalizedText description)
    {
        title.Checked("Field.title", 500, singleLine: true);
        problem.Checked("Field.problem", 20000, singleLine: false, frenchRequired: false);
        description.Checked("Field.description", 20000, singleLine: false, frenchRequired: false);
        (Title, TitleAr, TitleEn) = (title.Fr, title.Ar, title.En);
        (Problem, ProblemAr, ProblemEn) = (problem.Fr, problem.Ar, problem.En);
        (Description, DescriptionAr, DescriptionEn) = (description.Fr, description.Ar, description.En);
    }

    public bool IsLead(string userId) => _leads.Any(l => l.UserId == userId);

    public void Edit(int number, string title, string leadAgency, string problem, string description)
    {
        if (number < 1) throw DomainException.Rule("CommitmentNumberStarts1");
        Require(title, 500, "Field.title");
        Require(leadAgency, 300, "Field.leadAgency");
        Number = number;
        Title = SingleLineText.Trim(title, "Title");
        LeadAgency = leadAgency.Trim();
        Problem = Limit(problem, 20000, "Field.problem");
        Description = Limit(description, 20000, "Field.description");
    }

    public void MoveToAxis(Guid axisId) => AxisId = axisId;

    public void LinkToSheet(Guid? sheetId) => SourceSheetId = sheetId;

    public void AssignLead(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!IsLead(userId)) _leads.Add(new CommitmentLead(Id, userId));
    }

    /// <summary>Sets (or, with both empty, clears) the focal point; an e-mail is required once a name is given;
    /// <paramref name="culture"/> is the language of the mails to the bare address (French when empty).</summary>
    public void SetContact(string? name, string? email, string? culture = null)
    {
        var n = string.IsNullOrWhiteSpace(name) ? null : SingleLineText.Trim(name, "Field.contactName");
        var e = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (n is null && e is null)
        {
            (ContactName, ContactEmail, ContactCulture) = (null, null, MailLanguage.Default);
            return;
        }
        if (n is { Length: > 200 }) throw DomainException.Rule("TooLongCharactersMost", "Field.contactName", 200);
        if (e is null || !EmailAddressText.IsValid(e)) throw DomainException.Rule("ValidEMailAddressRequired");
        (ContactName, ContactEmail, ContactCulture) = (n, e, MailLanguage.Checked(culture));
    }

    public void RemoveLead(string userId) => _leads.RemoveAll(l => l.UserId == userId);

    public Activity AddActivity(string title, double weight, DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        var activity = new Activity(Guid.NewGuid(), Id, _activities.Count + 1, title, weight, plannedStart, plannedEnd);
        _activities.Add(activity);
        return activity;
    }

    public Activity RequireActivity(Guid activityId)
        => _activities.FirstOrDefault(a => a.Id == activityId) ?? throw DomainException.Rule("ActivityDoesNotBelongCommitment");

    public CommunicationAction AddCommunicationAction(string action, DateOnly? date, string audience, string indicators)
    {
        var c = new CommunicationAction(Guid.NewGuid(), Id, action, date, audience, indicators);
        _communicationActions.Add(c);
        return c;
    }

    public void SetSelfAssessment(string results, string howAddressed, string nextSteps)
    {
        Results = Limit(results, 20000, "Field.results");
        HowAddressed = Limit(howAddressed, 20000, "Field.howAddressed");
        NextSteps = Limit(nextSteps, 20000, "Field.nextSteps");
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
        if (string.IsNullOrWhiteSpace(value)) throw DomainException.Rule("Required", name);
        if (value.Trim().Length > max) throw DomainException.Rule("TooLongCharactersMost", name, max);
    }

    internal static string Limit(string? value, int max, string name)
    {
        var v = (value ?? "").Trim();
        if (v.Length > max) throw DomainException.Rule("TooLongCharactersMost", name, max);
        return v;
    }
}
