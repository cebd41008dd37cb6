using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenGov.Web;

/// <summary>
/// Marks content whose language may differ from the interface's: <c>dir="auto"</c> always (so an Arabic idea in the French
/// UI, or a French sheet in the Arabic UI, lays out in its own direction and its final period stays at its end), and
/// <c>lang</c> when the content's language is not the UI's (screen readers switch voice).
/// <c>content-lang="fr"</c> states a known language (official texts are written in French); <c>content-text="@text"</c>
/// guesses it from the script of user text: Arabic letters mean Arabic, Latin ones French, the platform's other language.
/// One reusable piece: trilingual official texts will pass their own language here.
/// </summary>
[HtmlTargetElement(Attributes = LangAttribute)]
[HtmlTargetElement(Attributes = TextAttribute)]
public sealed class ContentLanguageTagHelper : TagHelper
{
    private const string LangAttribute = "content-lang";
    private const string TextAttribute = "content-text";

    [HtmlAttributeName(LangAttribute)] public string? Language { get; set; }

    [HtmlAttributeName(TextAttribute)] public string? Text { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("dir")) output.Attributes.SetAttribute("dir", "auto");
        // Razor passes a null expression to a string attribute as "": an empty content-lang states no language.
        var language = string.IsNullOrEmpty(Language) ? Guess(Text) : Language;
        if (language is not null && language != CultureInfo.CurrentUICulture.TwoLetterISOLanguageName && !output.Attributes.ContainsName("lang"))
            output.Attributes.SetAttribute("lang", language);
    }

    /// <summary>"ar" when Arabic letters outnumber Latin ones, "fr" when Latin ones do, null without letters.</summary>
    public static string? Guess(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        int arabic = 0, latin = 0;
        foreach (var c in text.Length > 2000 ? text[..2000] : text)
        {
            if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFC') arabic++;
            else if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F') latin++;
        }
        return arabic == 0 && latin == 0 ? null : arabic > latin ? "ar" : "fr";
    }
}
