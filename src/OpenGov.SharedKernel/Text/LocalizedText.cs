using OpenGov.SharedKernel.Errors;

namespace OpenGov.SharedKernel.Text;

/// <summary>
/// An official text (title, description, body) in French, Arabic and English. French is the original and always present;
/// a missing translation is null, never a copy of the French, so a reader can tell a translation from a fallback.
/// Entities keep their French column as it was and add <c>…Ar</c>/<c>…En</c> columns; this is their one accessor.
/// </summary>
public sealed record LocalizedText
{
    public const string French = "fr", Arabic = "ar", English = "en";
    public static readonly IReadOnlyList<string> Languages = [French, Arabic, English];
    /// <summary>The languages a French original is translated into (completeness counts these).</summary>
    public static readonly IReadOnlyList<string> Translations = [Arabic, English];

    public LocalizedText(string? fr, string? ar = null, string? en = null)
    {
        Fr = (fr ?? "").Trim();
        Ar = Blank(ar);
        En = Blank(en);
    }

    public string Fr { get; }
    public string? Ar { get; }
    public string? En { get; }

    /// <summary>For rows written before translations existed, where the other columns held a copy of the French.</summary>
    public static LocalizedText CopiesAsMissing(string fr, string? ar, string? en)
        => new(fr, Same(fr, ar) ? null : ar, Same(fr, en) ? null : en);

    /// <summary>The text in a language ("fr", "ar", "en"), or null when that translation is missing.</summary>
    public string? In(string language) => LanguageOf(language) switch
    {
        Arabic => Ar,
        English => En,
        _ => Fr.Length == 0 ? null : Fr,
    };

    public bool Has(string language) => In(language) is not null;

    /// <summary>The one rule for display: the visitor's language, else the French original, marked as a fallback.</summary>
    public LocalizedValue For(string culture)
    {
        var language = LanguageOf(culture);
        // An empty original is nothing to show, so nothing to mark as a fallback.
        return In(language) is { } text ? new LocalizedValue(text, language, false) : new LocalizedValue(Fr, French, language != French && Fr.Length > 0);
    }

    /// <summary>Every language's text once, for a search entry that finds the text in any of them.</summary>
    public string AllLanguages => string.Join("\n", new[] { Fr, Ar, En }.Where(t => !string.IsNullOrEmpty(t)).Distinct());

    public bool IsEmpty => Fr.Length == 0 && Ar is null && En is null;

    /// <summary>"ar" for "ar-MA", "en" for "en-GB", French for anything else.</summary>
    public static string LanguageOf(string? culture)
    {
        if (culture is null) return French;
        if (culture.StartsWith(Arabic, StringComparison.OrdinalIgnoreCase)) return Arabic;
        return culture.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : French;
    }

    /// <summary>Refuses a missing French original (<paramref name="field"/> names the input) and, for single-line
    /// fields, a line break in any language; every language is checked against <paramref name="maxLength"/>.</summary>
    public LocalizedText Checked(string field, int maxLength, bool singleLine, bool frenchRequired = true)
    {
        // A translation needs its original; a required text needs it anyway.
        if (Fr.Length == 0 && (frenchRequired || Ar is not null || En is not null))
            throw DomainException.Rule("FrenchOriginalRequired", field);
        foreach (var t in new[] { Fr, Ar, En })
        {
            if (t is null) continue;
            if (singleLine && !SingleLineText.IsValid(t)) throw DomainException.Rule(SingleLineText.MessageKey, field);
            if (t.Length > maxLength) throw DomainException.Rule("TooLongCharactersMost", field, maxLength);
        }
        return this;
    }

    public override string ToString() => Fr;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    private static bool Same(string fr, string? other) => other is null || string.Equals(fr.Trim(), other.Trim(), StringComparison.Ordinal);
}

/// <summary>A text as shown: its language, and whether it is the French original standing in for a missing translation.</summary>
public readonly record struct LocalizedValue(string Text, string Language, bool IsFallback);
