namespace OpenGov.Web;

/// <summary>Unicode isolation for names placed inside localized sentences ("Par {0}"), where a <c>&lt;bdi&gt;</c> element
/// cannot go: FSI … PDI keeps an Arabic name from reordering the French around it, and the reverse.</summary>
public static class Bidi
{
    public static string Isolate(string? text) => string.IsNullOrEmpty(text) ? "" : "\u2068" + text + "\u2069";
}
