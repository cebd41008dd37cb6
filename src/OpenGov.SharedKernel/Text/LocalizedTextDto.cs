namespace OpenGov.SharedKernel.Text;

/// <summary>An official text in the open data: <c>{ "fr": "…", "ar": "…" | null, "en": "…" | null }</c>, beside the
/// existing French field (kept so API clients do not break). A missing translation is null, never a copy of the French.</summary>
public sealed record LocalizedTextDto(string Fr, string? Ar, string? En)
{
    public static LocalizedTextDto From(LocalizedText text) => new(text.Fr, text.Ar, text.En);
}
