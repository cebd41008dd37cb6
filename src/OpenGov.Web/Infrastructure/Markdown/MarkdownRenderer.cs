using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace OpenGov.Web.Infrastructure.Markdown;

public interface IMarkdownRenderer
{
    /// <summary>Renders user-written Markdown to safe HTML: raw HTML is escaped, URLs are allowlisted, links are rel="nofollow ugc noopener".</summary>
    IHtmlContent Render(string? markdown);

    /// <summary>The same text without markup, for snippets and plain-text e-mails.</summary>
    string ToPlainText(string? markdown);
}

/// <summary>
/// The one Markdown renderer for all user text. DisableHtml() alone is not enough: Markdig still emits
/// javascript: and data: URLs from links, autolinks, reference definitions and images, so every URL is checked
/// after decoding. Extensions are enabled one by one: generic attributes ({onclick=...}) must never be.
/// </summary>
public sealed class MarkdownRenderer : IMarkdownRenderer
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];
    private const string Rel = "nofollow ugc noopener";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseListExtras()
        .UseTaskLists()
        .Build();

    public IHtmlContent Render(string? markdown) => new HtmlString(RenderToString(markdown));

    public string RenderToString(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        MarkdownDocument document;
        try { document = Markdig.Markdown.Parse(markdown, _pipeline); }
        // Over-deep nesting (forms refuse it, older rows may hold it): shown as plain encoded text, never a 500.
        catch (ArgumentException) { return $"<p>{WebUtility.HtmlEncode(markdown)}</p>"; }
        Sanitize(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    public string ToPlainText(string? markdown)
        => OpenGov.SharedKernel.Text.UserText.MarkdownToPlainText(markdown, _pipeline).Trim();

    private static void Sanitize(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    if (!IsSafeUrl(link.Url) || (link.IsImage && !IsSafeImageUrl(link.Url)))
                        link.Url = "#";
                    if (!link.IsImage) link.GetAttributes().AddPropertyIfNotExist("rel", Rel);
                    break;
                case AutolinkInline auto:
                    if (!IsSafeUrl(auto.Url)) auto.Url = "#";
                    auto.GetAttributes().AddPropertyIfNotExist("rel", Rel);
                    break;
                case LinkReferenceDefinition def:
                    if (!IsSafeUrl(def.Url)) def.Url = "#";
                    break;
            }
        }
    }

    /// <summary>http, https, mailto and relative URLs only, judged after HTML- and percent-decoding and after
    /// removing the control characters and whitespace that browsers ignore inside a scheme.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var decoded = url;
        for (var i = 0; i < 3; i++)
        {
            var next = WebUtility.HtmlDecode(Uri.UnescapeDataString(decoded));
            if (next == decoded) break;
            decoded = next;
        }
        var compact = new string(decoded.Where(c => c > ' ' && c != '\u007f').ToArray()).ToLowerInvariant();
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true; // "a/b:c" is a relative path
        var scheme = compact[..colon];
        return AllowedSchemes.Contains(scheme);
    }

    private static bool IsSafeImageUrl(string? url)
        => IsSafeUrl(url) && !(url ?? "").TrimStart().StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
}
