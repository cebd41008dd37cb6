namespace OpenGov.SharedKernel.Text;

/// <summary>How many of a set of official texts are translated: "ar 12/18, en 3/18" for editors.</summary>
public sealed record TranslationCoverage(int Total, int Arabic, int English)
{
    public static readonly TranslationCoverage None = new(0, 0, 0);

    public static TranslationCoverage Of(IEnumerable<LocalizedText> texts)
    {
        int total = 0, ar = 0, en = 0;
        foreach (var t in texts.Where(t => t.Fr.Length > 0))
        {
            total++;
            if (t.Ar is not null) ar++;
            if (t.En is not null) en++;
        }
        return new TranslationCoverage(total, ar, en);
    }

    /// <summary>Translations (counted above) made from an older French original: possibly out of date.</summary>
    public int Stale { get; init; }

    public TranslationCoverage Plus(TranslationCoverage other)
        => new(Total + other.Total, Arabic + other.Arabic, English + other.English) { Stale = Stale + other.Stale };

    public bool IsComplete => Arabic == Total && English == Total;

    public int Count(string language) => LocalizedText.LanguageOf(language) switch
    {
        LocalizedText.Arabic => Arabic,
        LocalizedText.English => English,
        _ => Total,
    };
}
