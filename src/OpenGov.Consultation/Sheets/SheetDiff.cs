using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.Sheets;

public enum DiffKind { Same = 0, Added = 1, Removed = 2 }

/// <summary>A run of words: unchanged, added or removed. Text is plain (the page encodes it).</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>One field compared between two versions. <see cref="Key"/> names the section (or "activity:{id}").</summary>
public sealed record FieldDiff(string Key, DiffKind Change, IReadOnlyList<DiffSegment> Segments)
{
    public bool Changed => Change != DiffKind.Same || Segments.Any(s => s.Kind != DiffKind.Same);
}

/// <summary>
/// Field-by-field comparison of two versions with a word-level diff of each text field (longest common subsequence of
/// words). Activities are matched by id: added, removed or changed. The French original comes first; translations that
/// changed follow, one entry per text and language.
/// </summary>
public static class SheetDiff
{
    private const int MaxWords = 2500;

    public static IReadOnlyList<FieldDiff> Compare(SheetContent from, SheetContent to, Func<bool, string> yesNo)
    {
        var result = new List<FieldDiff>
        {
            Text(SheetSections.Title, from.Title, to.Title),
            Text("project-lead", from.ProjectLead, to.ProjectLead),
            Text("government-actors", from.GovernmentActors, to.GovernmentActors),
            Text("civil-society-actors", from.CivilSocietyActors, to.CivilSocietyActors),
            Text(SheetSections.Problem, from.Problem, to.Problem),
            Text(SheetSections.StatusQuo, from.StatusQuo, to.StatusQuo),
            Text(SheetSections.Commitment, from.Commitment, to.Commitment),
            Text(SheetSections.HowItSolves, from.HowItSolves, to.HowItSolves),
            Text("value-transparency", yesNo(from.Transparency), yesNo(to.Transparency)),
            Text("value-participation", yesNo(from.Participation), yesNo(to.Participation)),
            Text("value-accountability", yesNo(from.Accountability), yesNo(to.Accountability)),
            Text("value-inclusion", yesNo(from.Inclusion), yesNo(to.Inclusion)),
            Text(SheetSections.Values, from.ValuesRelevance, to.ValuesRelevance),
        };
        foreach (var a in to.Activities)
        {
            var old = from.Activities.FirstOrDefault(o => o.Id == a.Id);
            result.Add(old is null
                ? new FieldDiff(SheetSections.Activity(a.Id), DiffKind.Added, [new DiffSegment(DiffKind.Added, Describe(a))])
                : Text(SheetSections.Activity(a.Id), Describe(old), Describe(a)));
        }
        foreach (var a in from.Activities.Where(o => to.Activities.All(n => n.Id != o.Id)))
            result.Add(new FieldDiff(SheetSections.Activity(a.Id), DiffKind.Removed, [new DiffSegment(DiffKind.Removed, Describe(a))]));
        result.Add(Text(SheetSections.Indicators, string.Join("\n", from.Indicators.Select(Describe)), string.Join("\n", to.Indicators.Select(Describe))));
        result.Add(Text(SheetSections.Proposals, string.Join(" ", from.ProposalIds.Order()), string.Join(" ", to.ProposalIds.Order())));
        // Then each translation that changed ("{key}@ar"), after the French original the comments are about.
        var before = from.Texts().ToDictionary(t => t.Key, t => t.Value);
        var after = to.Texts().ToDictionary(t => t.Key, t => t.Value);
        foreach (var language in LocalizedText.Translations)
            foreach (var key in after.Keys.Concat(before.Keys.Except(after.Keys)))
            {
                var (old, now) = (before.GetValueOrDefault(key)?.In(language) ?? "", after.GetValueOrDefault(key)?.In(language) ?? "");
                if (old != now) result.Add(Text(TranslationKey(key, language), old, now));
            }
        return result;
    }

    public static string TranslationKey(string textKey, string language) => $"{textKey}@{language}";

    /// <summary>A key from <see cref="TranslationKey"/>: the text's key and the translation's language.</summary>
    public static bool IsTranslation(string key, out string textKey, out string language)
    {
        var at = key.LastIndexOf('@');
        (textKey, language) = at < 0 ? (key, LocalizedText.French) : (key[..at], key[(at + 1)..]);
        return at >= 0;
    }

    public static string Describe(SheetActivity a) => $"{a.Deliverable} ({a.Start:yyyy-MM-dd} → {a.End:yyyy-MM-dd})";

    public static string Describe(SheetIndicator i) => $"{i.Name}: {i.Baseline} → {i.Target}";

    public static FieldDiff Text(string key, string from, string to)
        => new(key, DiffKind.Same, from == to ? (from.Length == 0 ? [] : [new DiffSegment(DiffKind.Same, from)]) : Words(from, to));

    /// <summary>Word-level diff; whitespace sticks to the word before it so the text reads naturally.</summary>
    public static IReadOnlyList<DiffSegment> Words(string from, string to)
    {
        var a = Tokenize(from);
        var b = Tokenize(to);
        if (a.Count > MaxWords || b.Count > MaxWords)
            return [new DiffSegment(DiffKind.Removed, from), new DiffSegment(DiffKind.Added, to)];
        // lcs[i, j] = length of the LCS of a[i..] and b[j..]
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var segments = new List<DiffSegment>();
        void Emit(DiffKind kind, string text)
        {
            if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            else segments.Add(new DiffSegment(kind, text));
        }
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y]) { Emit(DiffKind.Same, a[x]); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) Emit(DiffKind.Removed, a[x++]);
            else Emit(DiffKind.Added, b[y++]);
        }
        while (x < a.Count) Emit(DiffKind.Removed, a[x++]);
        while (y < b.Count) Emit(DiffKind.Added, b[y++]);
        return segments;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))) continue;
            tokens.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) tokens.Add(text[start..]);
        return tokens;
    }
}
