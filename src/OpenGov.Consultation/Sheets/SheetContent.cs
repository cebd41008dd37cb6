using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenGov.Consultation.Sheets;

public sealed record SheetActivity(Guid Id, string Deliverable, DateOnly? Start, DateOnly? End);

public sealed record SheetIndicator(Guid Id, string Name, string Baseline, string Target);

/// <summary>One translatable text of the template as the side-by-side form edits it; <see cref="Key"/> names it in the
/// translations and the comparison (a section's key where it is one, "activity:{id}", "indicator:{id}:name|baseline|target").</summary>
public sealed record SheetText(string Key, TranslatableField Text)
{
    public LocalizedText Value => Text.Value;
}

/// <summary>
/// The fields of the OGP commitment template. Immutable: a draft edit replaces the whole content, and a published
/// version stores it as a JSON snapshot, so a version can never change after publication.
/// The French fields are the original; <see cref="Ar"/> and <see cref="En"/> hold the translations by text key
/// (<see cref="Texts"/>), null or absent when none (older snapshots have neither and read as untranslated).
/// A translation is part of the draft and becomes public, frozen, with the next published version.
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
    IReadOnlyList<Guid> ProposalIds,
    IReadOnlyDictionary<string, string>? Ar = null,
    IReadOnlyDictionary<string, string>? En = null)
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
        return (this with
        {
            Title = T(Title), ProjectLead = T(ProjectLead), GovernmentActors = T(GovernmentActors), CivilSocietyActors = T(CivilSocietyActors),
            Problem = T(Problem), StatusQuo = T(StatusQuo), Commitment = T(Commitment), HowItSolves = T(HowItSolves),
            ValuesRelevance = T(ValuesRelevance),
            Activities = Activities.Select(a => a with { Deliverable = T(a.Deliverable) }).ToList(),
            Indicators = Indicators.Select(i => i with { Name = T(i.Name), Baseline = T(i.Baseline), Target = T(i.Target) }).ToList(),
            ProposalIds = ProposalIds.Distinct().ToList(),
        }).NormalizedTranslations();
    }

    /// <summary>Every translatable text in the template's order, French with its translations.</summary>
    public IReadOnlyList<SheetText> Texts()
    {
        var texts = new List<SheetText>
        {
            Field(SheetSections.Title, "Field.title", false, MaxShort, true, Title),
            Field(ProjectLeadKey, "Field.projectLead", false, MaxShort, false, ProjectLead),
            Field(GovernmentActorsKey, "Field.governmentActors", true, MaxText, false, GovernmentActors),
            Field(CivilSocietyActorsKey, "Field.civilSocietyActors", true, MaxText, false, CivilSocietyActors),
            Field(SheetSections.Problem, "Field.problem", true, MaxText, false, Problem),
            Field(SheetSections.StatusQuo, "Field.statusQuo", true, MaxText, false, StatusQuo),
            Field(SheetSections.Commitment, "Field.commitment", true, MaxText, false, Commitment),
            Field(SheetSections.HowItSolves, "Field.howItSolves", true, MaxText, false, HowItSolves),
            Field(SheetSections.Values, "Field.valuesRelevance", true, MaxText, false, ValuesRelevance),
        };
        texts.AddRange(Activities.Select((a, n) => Field(SheetSections.Activity(a.Id), "Field.deliverable", false, 1000, true, a.Deliverable, n + 1)));
        foreach (var (i, n) in Indicators.Select((i, n) => (i, n + 1)))
        {
            texts.Add(Field(IndicatorKey(i.Id, "name"), "Field.indicatorName", false, 1500, true, i.Name, n));
            texts.Add(Field(IndicatorKey(i.Id, "baseline"), "Field.indicatorBaseline", false, 1500, false, i.Baseline, n));
            texts.Add(Field(IndicatorKey(i.Id, "target"), "Field.indicatorTarget", false, 1500, false, i.Target, n));
        }
        return texts;
    }

    /// <summary>A text by its key in French, Arabic and English (empty when the key is unknown).</summary>
    public LocalizedText Text(string key) => Texts().FirstOrDefault(t => t.Key == key)?.Value ?? new LocalizedText("");

    [JsonIgnore]
    public LocalizedText TitleText => Translated(SheetSections.Title, Title);

    public LocalizedText ActivityText(SheetActivity a) => Translated(SheetSections.Activity(a.Id), a.Deliverable);

    public LocalizedText IndicatorText(SheetIndicator i, string part) => Translated(IndicatorKey(i.Id, part), part switch
    {
        "name" => i.Name,
        "baseline" => i.Baseline,
        _ => i.Target,
    });

    /// <summary>The content with every text of <see cref="Texts"/> replaced, in that order (French and translations).</summary>
    public SheetContent WithTexts(IReadOnlyList<LocalizedText> values)
    {
        var keys = Texts();
        if (values.Count != keys.Count) throw DomainException.Rule("SheetChangedWhileTranslating");
        var byKey = keys.Zip(values).ToDictionary(x => x.First.Key, x => x.Second);
        string Fr(string key) => byKey[key].Fr;
        Dictionary<string, string> In(Func<LocalizedText, string?> pick)
            => byKey.Where(x => pick(x.Value) is not null).ToDictionary(x => x.Key, x => pick(x.Value)!);
        return this with
        {
            Title = Fr(SheetSections.Title), ProjectLead = Fr(ProjectLeadKey), GovernmentActors = Fr(GovernmentActorsKey),
            CivilSocietyActors = Fr(CivilSocietyActorsKey), Problem = Fr(SheetSections.Problem), StatusQuo = Fr(SheetSections.StatusQuo),
            Commitment = Fr(SheetSections.Commitment), HowItSolves = Fr(SheetSections.HowItSolves), ValuesRelevance = Fr(SheetSections.Values),
            Activities = Activities.Select(a => a with { Deliverable = Fr(SheetSections.Activity(a.Id)) }).ToList(),
            Indicators = Indicators.Select(i => i with
            {
                Name = Fr(IndicatorKey(i.Id, "name")), Baseline = Fr(IndicatorKey(i.Id, "baseline")), Target = Fr(IndicatorKey(i.Id, "target")),
            }).ToList(),
            Ar = In(t => t.Ar),
            En = In(t => t.En),
        };
    }

    /// <summary>Same French original (the text commented and compared), whatever the translations.</summary>
    public bool SameOriginalAs(SheetContent other) => (this with { Ar = null, En = null }).ToJson() == (other with { Ar = null, En = null }).ToJson();

    public const string ProjectLeadKey = "project-lead", GovernmentActorsKey = "government-actors", CivilSocietyActorsKey = "civil-society-actors";

    public static string IndicatorKey(Guid id, string part) => $"indicator:{id:D}:{part}";

    private SheetText Field(string key, string field, bool multiline, int max, bool required, string fr, int? item = null)
        => new(key, new TranslatableField(field, multiline, max, required, Translated(key, fr), item, key));

    private LocalizedText Translated(string key, string fr) => new(fr, Ar?.GetValueOrDefault(key), En?.GetValueOrDefault(key));

    /// <summary>Translations checked like their original (length, single line; French needed) and kept only for texts
    /// that exist: an activity removed from the draft takes its translations with it.</summary>
    private SheetContent NormalizedTranslations()
    {
        var texts = Texts();
        foreach (var t in texts)
            foreach (var translation in new[] { t.Value.Ar, t.Value.En }.OfType<string>())
            {
                // A translation needs its original; the French itself keeps the template's rules above.
                if (t.Value.Fr.Length == 0) throw DomainException.Rule("FrenchOriginalRequired", t.Text.Field);
                if (!t.Text.Multiline && !SingleLineText.IsValid(translation)) throw DomainException.Rule(SingleLineText.MessageKey, t.Text.Field);
                if (translation.Length > t.Text.MaxLength) throw DomainException.Rule("TooLongCharactersMost", t.Text.Field, t.Text.MaxLength);
            }
        IReadOnlyDictionary<string, string>? Keep(Func<LocalizedText, string?> pick)
        {
            var kept = texts.Where(t => pick(t.Value) is not null).ToDictionary(t => t.Key, t => pick(t.Value)!);
            return kept.Count == 0 ? null : kept;
        }
        return this with { Ar = Keep(t => t.Ar), En = Keep(t => t.En) };
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
