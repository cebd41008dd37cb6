using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
namespace OpenGov.Consultation.Cycles;

public enum PhaseKind
{
    ProposalCollection = 0,
    Prioritisation = 1,
    Drafting = 2,
    PublicConsultation = 3,
    Adoption = 4,
    Feedback = 5,
}

/// <summary>
/// A co-creation cycle of a National Action Plan. Its current phase follows from the phases' dates;
/// an administrator changes those dates only through <see cref="ClosePhaseEarly"/> and <see cref="ExtendPhase"/>,
/// which keep a public, reasoned trail.
/// </summary>
public sealed class Cycle
{
    private readonly List<CycleAxis> _axes = [];
    private readonly List<CyclePhase> _phases = [];
    private readonly List<PhaseChange> _phaseChanges = [];

    private Cycle() { }

    public Cycle(Guid id, string title, string descriptionMarkdown, int planStartYear, int planEndYear, DateTime createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (planEndYear < planStartYear) throw DomainException.Rule("PlanPeriodEndsBeforeStarts");
        Id = id;
        Title = SingleLineText.Trim(title, "Title");
        DescriptionMarkdown = descriptionMarkdown ?? "";
        PlanStartYear = planStartYear;
        PlanEndYear = planEndYear;
        CreatedAt = createdAt;
        PublishedAt = createdAt;
    }

    /// <summary>A cycle an administrator prepares: not public, nor current, until <see cref="Publish"/>.</summary>
    public static Cycle Draft(Guid id, string title, string descriptionMarkdown, int planStartYear, int planEndYear, DateTime createdAt)
        => new(id, title, descriptionMarkdown, planStartYear, planEndYear, createdAt) { PublishedAt = null };

    /// <summary>Published cycles: the only ones visitors see, count as current or take ideas.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Cycle, bool>> Published = c => c.PublishedAt != null;

    /// <summary>Makes a draft public; it needs its phases first, so that visitors never see an empty timeline.</summary>
    public void Publish(DateTime now)
    {
        if (PublishedAt is not null) throw DomainException.Rule("CycleAlreadyPublished");
        if (_phases.Count == 0) throw DomainException.Rule("CycleNeedsPhasesBeforePublishing");
        PublishedAt = now;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string DescriptionMarkdown { get; private set; } = "";
    public string? TitleAr { get; private set; }
    public string? TitleEn { get; private set; }
    public string? DescriptionMarkdownAr { get; private set; }
    public string? DescriptionMarkdownEn { get; private set; }
    public int PlanStartYear { get; private set; }
    public int PlanEndYear { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>Null while a draft (<see cref="Draft"/>).</summary>
    public DateTime? PublishedAt { get; private set; }
    public bool IsPublished => PublishedAt is not null;

    public IReadOnlyList<CycleAxis> Axes => _axes;
    public IReadOnlyList<CyclePhase> Phases => _phases;
    public IReadOnlyList<PhaseChange> PhaseChanges => _phaseChanges;

    public LocalizedText TitleText => new(Title, TitleAr, TitleEn);
    public LocalizedText DescriptionText => new(DescriptionMarkdown, DescriptionMarkdownAr, DescriptionMarkdownEn);

    /// <summary>Sets the official texts in every language at once (French required for the title).</summary>
    public void Translate(LocalizedText title, LocalizedText description)
    {
        title.Checked("Field.title", 300, singleLine: true);
        description.Checked("Field.description", 20000, singleLine: false, frenchRequired: false);
        (Title, TitleAr, TitleEn) = (title.Fr, title.Ar, title.En);
        (DescriptionMarkdown, DescriptionMarkdownAr, DescriptionMarkdownEn) = (description.Fr, description.Ar, description.En);
    }

    public void Rename(string title, string descriptionMarkdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = SingleLineText.Trim(title, "Title");
        DescriptionMarkdown = descriptionMarkdown ?? "";
    }

    public CycleAxis AddAxis(string code, string nameFr, string nameAr, string nameEn)
    {
        if (_axes.Any(a => a.Code == code)) throw DomainException.Rule("AxisAlreadyExists", code);
        var axis = new CycleAxis(Guid.NewGuid(), Id, code, nameFr, nameAr, nameEn, _axes.Count + 1);
        _axes.Add(axis);
        return axis;
    }

    /// <summary>Sets a phase's dates. Phases must not overlap; the trail of later changes goes through Close/Extend.
    /// <paramref name="now"/> records when these dates were made public (the OGP "timeline published ahead" check);
    /// without it (demo data) the cycle's creation stands for it.</summary>
    public CyclePhase SetPhase(PhaseKind kind, DateTime startsAt, DateTime endsAt, DateTime? now = null)
    {
        if (endsAt <= startsAt) throw DomainException.Rule("PhaseMustEndAfterStarts");
        var existing = _phases.FirstOrDefault(p => p.Kind == kind);
        if (_phases.Any(p => p.Kind != kind && p.StartsAt < endsAt && startsAt < p.EndsAt))
            throw DomainException.Rule("PhasesCannotOverlap");
        if (existing is not null)
        {
            existing.Reschedule(startsAt, endsAt);
            existing.ScheduledAt = now;
            return existing;
        }
        var phase = new CyclePhase(Guid.NewGuid(), Id, kind, startsAt, endsAt) { ScheduledAt = now };
        _phases.Add(phase);
        return phase;
    }

    /// <summary>Sets a phase from its first to its last day (inclusive, <see cref="PhaseDays"/>). A phase closed early during
    /// the first day leaves the rest of that day to this one: it starts when the other ended, not at midnight.</summary>
    public CyclePhase SetPhaseDays(PhaseKind kind, DateOnly firstDay, DateOnly lastDay)
    {
        var start = PhaseDays.Start(firstDay);
        var endedThatDay = _phases.Where(p => p.Kind != kind && p.EndsAt > start && p.EndsAt < start.AddDays(1) && p.StartsAt < start)
            .Select(p => (DateTime?)p.EndsAt).Max();
        return SetPhase(kind, endedThatDay ?? start, PhaseDays.EndAfter(lastDay));
    }

    /// <summary>Extends a phase to a new last day (inclusive).</summary>
    public PhaseChange ExtendPhaseTo(PhaseKind kind, DateOnly lastDay, DateTime now, string reason, string actorUserId)
        => ExtendPhase(kind, PhaseDays.EndAfter(lastDay), now, reason, actorUserId);

    /// <summary>The phase open at <paramref name="now"/>, or null between phases, before the first or after the last.</summary>
    public CyclePhase? CurrentPhase(DateTime now) => _phases.FirstOrDefault(p => p.IsOpenAt(now));

    public bool IsPhaseOpen(PhaseKind kind, DateTime now) => _phases.Any(p => p.Kind == kind && p.IsOpenAt(now));

    public PhaseChange ClosePhaseEarly(PhaseKind kind, DateTime now, string reason, string actorUserId)
    {
        var phase = RequirePhase(kind);
        if (!phase.IsOpenAt(now)) throw DomainException.Rule("OpenPhaseClosedEarly");
        return Record(phase, now, now, reason, actorUserId);
    }

    public PhaseChange ExtendPhase(PhaseKind kind, DateTime newEnd, DateTime now, string reason, string actorUserId)
    {
        var phase = RequirePhase(kind);
        if (newEnd <= phase.EndsAt) throw DomainException.Rule("ExtensionMustEndLaterThanCurrentEnd");
        if (_phases.Any(p => p.Kind != kind && p.StartsAt < newEnd && phase.StartsAt < p.EndsAt))
            throw DomainException.Rule("ExtensionWouldOverlapNextPhaseMovePhase");
        return Record(phase, newEnd, now, reason, actorUserId);
    }

    private PhaseChange Record(CyclePhase phase, DateTime newEnd, DateTime now, string reason, string actorUserId)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw DomainException.Rule("ReasonRequired");
        var change = new PhaseChange(Guid.NewGuid(), Id, phase.Kind, phase.EndsAt, newEnd, reason.Trim(), now, actorUserId);
        phase.Reschedule(phase.StartsAt, newEnd);
        _phaseChanges.Add(change);
        return change;
    }

    private CyclePhase RequirePhase(PhaseKind kind)
        => _phases.FirstOrDefault(p => p.Kind == kind) ?? throw DomainException.Rule("CycleHasNoPhase");
}

public sealed class CycleAxis
{
    private CycleAxis() { }

    internal CycleAxis(Guid id, Guid cycleId, string code, string nameFr, string nameAr, string nameEn, int order)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameFr);
        Id = id;
        CycleId = cycleId;
        Code = code;
        NameFr = nameFr;
        NameAr = string.IsNullOrWhiteSpace(nameAr) ? nameFr : nameAr;
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? nameFr : nameEn;
        Order = order;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public string Code { get; private set; } = "";
    public string NameFr { get; private set; } = "";
    public string NameAr { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int Order { get; private set; }

    /// <summary>The axis name in a UI culture ("fr", "ar" or "en"), French by default.</summary>
    public string Name(string culture) => culture.StartsWith("ar", StringComparison.Ordinal) ? NameAr
        : culture.StartsWith("en", StringComparison.Ordinal) ? NameEn : NameFr;

    /// <summary>Older rows copied the French name into the other columns: such a copy reads as a missing translation.</summary>
    public LocalizedText NameText => LocalizedText.CopiesAsMissing(NameFr, NameAr, NameEn);

    public void Translate(LocalizedText name)
    {
        name.Checked("Field.name", 300, singleLine: true);
        (NameFr, NameAr, NameEn) = (name.Fr, name.Ar ?? name.Fr, name.En ?? name.Fr);
    }
}

public sealed class CyclePhase
{
    private CyclePhase() { }

    internal CyclePhase(Guid id, Guid cycleId, PhaseKind kind, DateTime startsAt, DateTime endsAt)
    {
        Id = id;
        CycleId = cycleId;
        Kind = kind;
        StartsAt = startsAt;
        EndsAt = endsAt;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public PhaseKind Kind { get; private set; }
    public DateTime StartsAt { get; private set; }
    /// <summary>Exclusive end.</summary>
    public DateTime EndsAt { get; private set; }
    /// <summary>When an administrator last set these dates (null: set with the cycle, e.g. demo data).</summary>
    public DateTime? ScheduledAt { get; internal set; }

    public bool IsOpenAt(DateTime now) => StartsAt <= now && now < EndsAt;

    /// <summary>The last day of the phase, inclusive (<see cref="PhaseDays"/>).</summary>
    public DateOnly LastDay => PhaseDays.LastDay(EndsAt);

    internal void Reschedule(DateTime startsAt, DateTime endsAt)
    {
        StartsAt = startsAt;
        EndsAt = endsAt;
    }
}

/// <summary>A public trace of a phase closed early or extended, with the administrator's reason.</summary>
public sealed class PhaseChange
{
    private PhaseChange() { }

    internal PhaseChange(Guid id, Guid cycleId, PhaseKind kind, DateTime previousEnd, DateTime newEnd, string reason, DateTime at, string actorUserId)
    {
        Id = id;
        CycleId = cycleId;
        Kind = kind;
        PreviousEnd = previousEnd;
        NewEnd = newEnd;
        Reason = reason;
        At = at;
        ActorUserId = actorUserId;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public PhaseKind Kind { get; private set; }
    public DateTime PreviousEnd { get; private set; }
    public DateTime NewEnd { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime At { get; private set; }
    public string ActorUserId { get; private set; } = "";
}
