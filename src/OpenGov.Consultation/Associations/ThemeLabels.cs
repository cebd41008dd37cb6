namespace OpenGov.Consultation.Associations;

/// <summary>Theme codes to their labels (<see cref="CommunityThemes.LabelsAsync"/>); an unknown code shows as itself.</summary>
public sealed class ThemeLabels(IReadOnlyDictionary<string, ThemeOption> labels)
{
    public string Name(string code, string culture) => labels.TryGetValue(code, out var t) ? t.Name(culture) : code;
}
