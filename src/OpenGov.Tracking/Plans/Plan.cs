using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
namespace OpenGov.Tracking.Plans;

public enum PlanStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>
/// An adopted National Action Plan: its period, its axes, and (as separate aggregates) its commitments.
/// Once published, activity weights are locked unless an administrator reopens them.
/// </summary>
public sealed class Plan
{
    private readonly List<PlanAxis> _axes = [];

    private Plan() { }

    public Plan(Guid id, string title, int startYear, int endYear, DateTime createdAt)
    {
        Id = id;
        CreatedAt = createdAt;
        Rename(title, startYear, endYear);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public int StartYear { get; private set; }
    public int EndYear { get; private set; }
    /// <summary>The report's "general context" section (Markdown).</summary>
    public string ContextMarkdown { get; private set; } = "";
    /// <summary>The report's "tracking system" section (Markdown).</summary>
    public string TrackingSystemMarkdown { get; private set; } = "";
    public string? TitleAr { get; private set; }
    public string? TitleEn { get; private set; }
    public string? ContextMarkdownAr { get; private set; }
    public string? ContextMarkdownEn { get; private set; }
    public string? TrackingSystemMarkdownAr { get; private set; }
    public string? TrackingSystemMarkdownEn { get; private set; }
    public PlanStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    /// <summary>True when an administrator has reopened the weights of a published plan.</summary>
    public bool WeightsReopened { get; private set; }
    /// <summary>The co-creation cycle this plan was adopted from, when adoption went through the platform.</summary>
    public Guid? SourceCycleId { get; private set; }

    public IReadOnlyList<PlanAxis> Axes => _axes;

    public LocalizedText TitleText => new(Title, TitleAr, TitleEn);
    public LocalizedText ContextText => new(ContextMarkdown, ContextMarkdownAr, ContextMarkdownEn);
    public LocalizedText TrackingSystemText => new(TrackingSystemMarkdown, TrackingSystemMarkdownAr, TrackingSystemMarkdownEn);

    public bool WeightsLocked => Status == PlanStatus.Published && !WeightsReopened;

    public void Rename(string title, int startYear, int endYear)
    {
        if (string.IsNullOrWhiteSpace(title)) throw DomainException.Rule("PlanNeedsTitle");
        if (title.Trim().Length > 300) throw DomainException.Rule("TitleTooLong300CharactersMost");
        if (startYear < 2000 || startYear > 2100) throw DomainException.Rule("StartYearNotPlausible");
        if (endYear < startYear) throw DomainException.Rule("PlanPeriodEndsBeforeStarts");
        Title = SingleLineText.Trim(title, "Title");
        StartYear = startYear;
        EndYear = endYear;
    }

    public void DescribeReport(string contextMarkdown, string trackingSystemMarkdown)
    {
        ContextMarkdown = (contextMarkdown ?? "").Trim();
        TrackingSystemMarkdown = (trackingSystemMarkdown ?? "").Trim();
    }

    /// <summary>Sets the official texts in every language at once (French required for the title).</summary>
    public void Translate(LocalizedText title, LocalizedText context, LocalizedText trackingSystem)
    {
        title.Checked("Field.title", 300, singleLine: true);
        context.Checked("Field.context", 20000, singleLine: false, frenchRequired: false);
        trackingSystem.Checked("Field.trackingSystem", 20000, singleLine: false, frenchRequired: false);
        (Title, TitleAr, TitleEn) = (title.Fr, title.Ar, title.En);
        (ContextMarkdown, ContextMarkdownAr, ContextMarkdownEn) = (context.Fr, context.Ar, context.En);
        (TrackingSystemMarkdown, TrackingSystemMarkdownAr, TrackingSystemMarkdownEn) = (trackingSystem.Fr, trackingSystem.Ar, trackingSystem.En);
    }

    public void LinkToCycle(Guid? cycleId) => SourceCycleId = cycleId;

    public PlanAxis AddAxis(string nameFr, string? nameAr, string? nameEn)
    {
        if (string.IsNullOrWhiteSpace(nameFr)) throw DomainException.Rule("AxisNeedsFrenchName");
        if (_axes.Any(a => string.Equals(a.NameFr, nameFr.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw DomainException.Rule("PlanAlreadyHasAxisWithName");
        var axis = new PlanAxis(Guid.NewGuid(), Id, _axes.Count + 1, nameFr, nameAr, nameEn);
        _axes.Add(axis);
        return axis;
    }

    public void Publish(DateTime now)
    {
        if (Status == PlanStatus.Published) throw DomainException.Rule("PlanAlreadyPublished");
        if (_axes.Count == 0) throw DomainException.Rule("PlanNeedsLeastOneAxisBeforePublished");
        Status = PlanStatus.Published;
        PublishedAt = now;
        WeightsReopened = false;
    }

    /// <summary>An administrator lets project leads change weights again (e.g. after a mid-term review).</summary>
    public void ReopenWeights()
    {
        if (Status != PlanStatus.Published) throw DomainException.Rule("WeightsAreLockedPublishedPlan");
        WeightsReopened = true;
    }

    public void LockWeights() => WeightsReopened = false;
}

public sealed class PlanAxis
{
    private PlanAxis() { }

    internal PlanAxis(Guid id, Guid planId, int order, string nameFr, string? nameAr, string? nameEn)
    {
        Id = id;
        PlanId = planId;
        Order = order;
        NameFr = nameFr.Trim();
        NameAr = string.IsNullOrWhiteSpace(nameAr) ? NameFr : nameAr.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? NameFr : nameEn.Trim();
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Order { get; private set; }
    public string NameFr { get; private set; } = "";
    public string NameAr { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    public string Name(string culture) => Pick(culture, NameFr, NameAr, NameEn);

    /// <summary>Older rows copied the French name into the other columns: such a copy reads as a missing translation.</summary>
    public LocalizedText NameText => LocalizedText.CopiesAsMissing(NameFr, NameAr, NameEn);

    public void Translate(LocalizedText name)
    {
        name.Checked("Field.name", 300, singleLine: true);
        (NameFr, NameAr, NameEn) = (name.Fr, name.Ar ?? name.Fr, name.En ?? name.Fr);
    }

    /// <summary>The name in a UI culture ("fr", "ar", "en"), French by default.</summary>
    public static string Pick(string culture, string fr, string ar, string en)
        => culture.StartsWith("ar", StringComparison.Ordinal) ? ar : culture.StartsWith("en", StringComparison.Ordinal) ? en : fr;
}
