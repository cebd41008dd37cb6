using System.Globalization;
using System.Text;

namespace OpenGov.SharedKernel.Search;

/// <summary>
/// Arabic normalisation and light stemming for the search index, done in C# so SQLite and PostgreSQL match alike.
/// Letters: alef forms (أ إ آ ٱ) → ا, ta marbuta ة → ه, alef maqsura ى → ي; diacritics (tashkeel) and tatweel removed.
/// Stemming: one attached prefix (ال وال بال كال فال لل و ب ف ك ل) and one suffix (ات ون ين ها هم ية) are stripped when at least
/// three letters remain. A query word becomes one stem (<see cref="QueryStem"/>); an indexed word is stored under every
/// form a query stem could take (<see cref="IndexForms"/>: with or without each prefix or suffix, since و or ب may belong
/// to the root), so "الأمازيغية" finds "بالأمازيغية" and "وزارة" finds "الوزارة". Words without Arabic letters are untouched
/// (the databases fold Latin accents themselves).
/// </summary>
public static class ArabicSearchText
{
    private const int MinStem = 3;

    // Longest first: the query strips the longest prefix that leaves a stem.
    private static readonly string[] Prefixes = ["وال", "بال", "كال", "فال", "ال", "لل", "و", "ب", "ف", "ك", "ل"];
    private static readonly string[] Suffixes = ["ات", "ون", "ين", "ها", "هم", "يه"]; // يه is ية after normalisation

    public static bool HasArabic(string word)
    {
        foreach (var ch in word) if (ch is >= '\u0600' and <= '\u06FF') return true;
        return false;
    }

    /// <summary>The word with unified letters and without diacritics or tatweel.</summary>
    public static string Normalize(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var ch in word)
        {
            switch (ch)
            {
                case '\u0623' or '\u0625' or '\u0622' or '\u0671': sb.Append('\u0627'); break; // أ إ آ ٱ → ا
                case '\u0629': sb.Append('\u0647'); break; // ة → ه
                case '\u0649': sb.Append('\u064A'); break; // ى → ي
                case '\u0640': break; // tatweel
                case >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u0610' and <= '\u061A': break; // tashkeel, superscript alef
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The one form a query word is searched under (Arabic words; others are returned unchanged).</summary>
    public static string QueryStem(string word)
    {
        if (!HasArabic(word)) return word;
        var n = Normalize(word);
        var prefix = Prefixes.FirstOrDefault(p => Strippable(n, p, fromStart: true));
        if (prefix is not null) n = n[prefix.Length..];
        var suffix = Suffixes.FirstOrDefault(s => Strippable(n, s, fromStart: false));
        return suffix is null ? n : n[..^suffix.Length];
    }

    /// <summary>Every form under which an indexed Arabic word can be found: the normalised word and each stripping of up to
    /// two prefixes and one suffix (so <see cref="QueryStem"/> of the word is always among them).</summary>
    public static IReadOnlySet<string> IndexForms(string word)
    {
        var n = Normalize(word);
        var forms = new HashSet<string>(StringComparer.Ordinal) { n };
        var frontier = new List<string> { n };
        for (var level = 0; level < 2; level++)
        {
            var next = new List<string>();
            foreach (var f in frontier)
                foreach (var p in Prefixes)
                    if (Strippable(f, p, fromStart: true) && forms.Add(f[p.Length..])) next.Add(f[p.Length..]);
            frontier = next;
        }
        foreach (var f in forms.ToList())
            foreach (var s in Suffixes)
                if (Strippable(f, s, fromStart: false)) forms.Add(f[..^s.Length]);
        return forms;
    }

    /// <summary>The extra words indexed for a text: the Arabic forms of its words, each once, leaving out a form that is the
    /// start of another one (every query is a prefix query, so the longer form finds it too). Empty without Arabic.</summary>
    public static string IndexTerms(string? text)
    {
        if (string.IsNullOrEmpty(text) || !HasArabic(text)) return "";
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
            if (HasArabic(word)) forms.UnionWith(IndexForms(word));
        var sorted = forms.Where(f => f.Length > 0).OrderBy(f => f, StringComparer.Ordinal).ToList();
        // In ordinal order a form that starts another comes right before some form it starts.
        var kept = sorted.Where((f, i) => i + 1 >= sorted.Count || !sorted[i + 1].StartsWith(f, StringComparison.Ordinal));
        return string.Join(' ', kept);
    }

    /// <summary>True when <paramref name="word"/> (as written in a document) is found by the query stem <paramref name="stem"/>.</summary>
    public static bool Matches(string word, string stem)
        => HasArabic(word) && HasArabic(stem) && IndexForms(word).Any(f => f.StartsWith(stem, StringComparison.Ordinal));

    private static bool Strippable(string word, string affix, bool fromStart)
        => word.Length - affix.Length >= MinStem
           && (fromStart ? word.StartsWith(affix, StringComparison.Ordinal) : word.EndsWith(affix, StringComparison.Ordinal));

    /// <summary>The words of a text: runs of letters, digits and combining marks (any script); the rest separates them.</summary>
    internal static IEnumerable<string> Words(string text)
    {
        var current = new StringBuilder();
        foreach (var ch in text)
        {
            var cat = char.GetUnicodeCategory(ch);
            if (char.IsLetterOrDigit(ch) || cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                current.Append(ch);
            else if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
        }
        if (current.Length > 0) yield return current.ToString();
    }
}
