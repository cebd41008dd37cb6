using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Text;
using OpenGov.Web.Infrastructure.Markdown;

namespace OpenGov.Web.Localization;

/// <summary>
/// The one way a view shows an official text (<see cref="LocalizedText"/>): in the visitor's language, or the French
/// original marked <c>lang="fr" dir="ltr"</c> with a discreet, localized "original text in French" note.
/// </summary>
public static class OfficialTextHtml
{
    /// <summary>The plain text in the visitor's language (page titles, attributes), French when the translation is missing.</summary>
    public static string Plain(LocalizedText text) => text.For(CultureInfo.CurrentUICulture.Name).Text;

    /// <summary>A single-line text (titles, names), inline.</summary>
    public static IHtmlContent Official(this IHtmlHelper html, LocalizedText text)
    {
        var shown = text.For(CultureInfo.CurrentUICulture.Name);
        if (!shown.IsFallback) return new HtmlContentBuilder().Append(shown.Text);
        var b = new HtmlContentBuilder();
        b.AppendHtml("<span lang=\"fr\" dir=\"ltr\">").Append(shown.Text).AppendHtml("</span> ");
        b.AppendHtml(Note(html, "small"));
        return b;
    }

    /// <summary>"fr" when the visitor's language is missing and the French is shown, else null: for <c>content-lang</c> on an
    /// element that cannot hold the marked span (a select's options).</summary>
    public static string? FallbackLanguage(LocalizedText text)
        => text.For(CultureInfo.CurrentUICulture.Name).IsFallback ? LocalizedText.French : null;

    /// <summary>A localized sentence with an official text in its <c>{0}</c> ("Cycle : {0}"): the words encoded, the text
    /// as <see cref="Official"/> (marked when it is the French original).</summary>
    public static IHtmlContent OfficialIn(this IHtmlHelper html, string sentence, LocalizedText text)
    {
        var b = new HtmlContentBuilder();
        var at = sentence.IndexOf("{0}", StringComparison.Ordinal);
        if (at < 0) return b.Append(sentence);
        return b.Append(sentence[..at]).AppendHtml(html.Official(text)).Append(sentence[(at + 3)..]);
    }

    /// <summary>A Markdown body (descriptions, contexts): the note above the rendered text when it is the French original.</summary>
    public static IHtmlContent OfficialMarkdown(this IHtmlHelper html, LocalizedText text, bool editorial = false)
    {
        var shown = text.For(CultureInfo.CurrentUICulture.Name);
        var markdown = html.ViewContext.HttpContext.RequestServices.GetRequiredService<IMarkdownRenderer>();
        var body = editorial ? markdown.RenderEditorial(shown.Text) : markdown.Render(shown.Text);
        if (!shown.IsFallback) return body;
        var b = new HtmlContentBuilder();
        b.AppendHtml("<p class=\"small text-body-secondary official-original mb-1\">").Append(NoteText(html)).AppendHtml("</p>");
        b.AppendHtml("<div lang=\"fr\" dir=\"ltr\">").AppendHtml(body).AppendHtml("</div>");
        return b;
    }

    private static IHtmlContent Note(IHtmlHelper html, string tag)
    {
        var b = new HtmlContentBuilder();
        b.AppendHtml($"<{tag} class=\"text-body-secondary official-original\">(").Append(NoteText(html)).AppendHtml($")</{tag}>");
        return b;
    }

    private static string NoteText(IHtmlHelper html)
        => html.ViewContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<TranslationText>>()["OriginalInFrench"].Value;
}
