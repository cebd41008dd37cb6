using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
using System.Text.Json;

namespace OpenGov.Consultation.Sheets;

public sealed record SheetActivity(Guid Id, string Deliverable, DateOnly? Start, DateOnly? End);

public sealed record SheetIndicator(Guid Id, string Name, string Baseline, string Target);

/// <summary>
/// The fields of the OGP commitment template. Immutable: a draft edit replaces the whole content, and a published
/// version stores it as a JSON snapshot, so a version can never change after publication.
/// </summary>
public sealed record SheetContent(
    string Title,
    string ProjectLead,
    string GovernmentActors,
    string CivilSocietyActors,
    string Problem,
    string StatusQuo,
    string Commitment,
    string HowItSolves,
    bool Transparency,
    bool Participation,
    bool Accountability,
    bool Inclusion,
    string ValuesRelevance,
    IReadOnlyList<SheetActivity> Activities,
    IReadOnlyList<SheetIndicator> Indicators,
    IReadOnlyList<Guid> ProposalIds)
{
    public const int MaxText = 8000;
    public const int MaxShort = 300;

    public static SheetContent Empty(string title) => new(title, "", "", "", "", "", "", "", false, false, false, false, "", [], [], []);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SheetContent FromJson(string json) => JsonSerializer.Deserialize<SheetContent>(json, Json)
        ?? throw new InvalidOperationException("Corrupt sheet content.");

    /// <summary>Trims the text and checks the template's rules; throws <see cref="ArgumentException"/> naming the field.</summary>
    public SheetContent Normalized()
    {
        static string T(string? s) => (s ?? "").Trim();
        if (string.IsNullOrWhiteSpace(Title)) throw DomainException.Rule("TitleRequired");
        Check(nameof(Title), Title, MaxShort);
        SingleLineText.Trim(Title, nameof(Title));
        Check(nameof(ProjectLead), ProjectLead, MaxShort);
        foreach (var (name, value) in new[] { (nameof(GovernmentActors), GovernmentActors), (nameof(CivilSocietyActors), CivilSocietyActors),
                     (nameof(Problem), Problem), (nameof(StatusQuo), StatusQuo), (nameof(Commitment), Commitment),
                     (nameof(HowItSolves), HowItSolves), (nameof(ValuesRelevance), ValuesRelevance) })
            Check(name, value, MaxText);
        if (Activities.Count > 50) throw DomainException.Rule("Most50Activities");
        if (Indicators.Count > 30) throw DomainException.Rule("Most30Indicators");
        foreach (var a in Activities)
        {
            if (string.IsNullOrWhiteSpace(a.Deliverable)) throw DomainException.Rule("EachActivityNeedsDeliverable");
            Check(nameof(Activities), a.Deliverable, 1000);
            if (a.Start is { } s && a.End is { } e && e < s) throw DomainException.Rule("ActivityEndsBeforeStarts");
        }
        foreach (var i in Indicators)
        {
            if (string.IsNullOrWhiteSpace(i.Name)) throw DomainException.Rule("EachIndicatorNeedsName");
            Check(nameof(Indicators), i.Name + i.Baseline + i.Target, 1500);
        }
        if (Activities.Select(a => a.Id).Distinct().Count() != Activities.Count) throw DomainException.Rule("DuplicateActivity");
        return this with
        {
            Title = T(Title), ProjectLead = T(ProjectLead), GovernmentActors = T(GovernmentActors), CivilSocietyActors = T(CivilSocietyActors),
            Problem = T(Problem), StatusQuo = T(StatusQuo), Commitment = T(Commitment), HowItSolves = T(HowItSolves),
            ValuesRelevance = T(ValuesRelevance),
            Activities = Activities.Select(a => a with { Deliverable = T(a.Deliverable) }).ToList(),
            Indicators = Indicators.Select(i => i with { Name = T(i.Name), Baseline = T(i.Baseline), Target = T(i.Target) }).ToList(),
            ProposalIds = ProposalIds.Distinct().ToList(),
        };
    }

    private static void Check(string field, string? value, int max)
    {
        if ((value?.Length ?? 0) > max) throw DomainException.Rule("TooLongMostCharacters", max);
    }
}

/// <summary>The sections a comment can be anchored to: a field of the template, or one activity ("activity:{id}").</summary>
public static class SheetSections
{
    public const string Title = "title";
    public const string Actors = "actors";
    public const string Problem = "problem";
    public const string StatusQuo = "status-quo";
    public const string Commitment = "commitment";
    public const string HowItSolves = "how-it-solves";
    public const string Values = "values";
    /// <summary>The activities as a whole (e.g. "add an activity"); one activity is "activity:{id}".</summary>
    public const string Activities = "activities";
    public const string Indicators = "indicators";
    public const string Proposals = "proposals";
    public const string ActivityPrefix = "activity:";

    /// <summary>The field sections in the order of the template (activities come between values and indicators).</summary>
    public static readonly IReadOnlyList<string> Fields = [Title, Actors, Problem, StatusQuo, Commitment, HowItSolves, Values, Activities, Indicators, Proposals];

    public static string Activity(Guid id) => ActivityPrefix + id.ToString("D");

    public static bool IsActivity(string key, out Guid id)
    {
        id = Guid.Empty;
        return key.StartsWith(ActivityPrefix, StringComparison.Ordinal) && Guid.TryParse(key.AsSpan(ActivityPrefix.Length), out id);
    }

    /// <summary>A section that exists in <paramref name="content"/>.</summary>
    public static bool IsValid(string? key, SheetContent content)
        => key is not null && (Fields.Contains(key) || (IsActivity(key, out var id) && content.Activities.Any(a => a.Id == id)));
}
