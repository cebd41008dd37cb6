using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using OpenGov.SharedKernel.Links;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Web.Infrastructure.Markdown;

public interface IMarkdownRenderer
{
    /// <summary>Renders user-written Markdown to safe HTML: raw HTML is escaped, URLs are allowlisted, the result goes through
    /// <see cref="HtmlSafety"/> (images only from the site, rel="nofollow noopener ugc" on links to other hosts).</summary>
    IHtmlContent Render(string? markdown);

    /// <summary>Administrators' news and content pages: raw HTML is parsed too, then cut to the editorial allowlist
    /// (tables with spans, figures, images from the site itself; never scripts, styles or outside images).</summary>
    IHtmlContent RenderEditorial(string? markdown);

    /// <summary>The same text without markup, for snippets and plain-text e-mails.</summary>
    string ToPlainText(string? markdown);
}

/// <summary>
/// The one Markdown renderer for all user text. DisableHtml() alone is not enough: Markdig still emits
/// javascript: and data: URLs from links, autolinks, reference definitions and images, so every URL is checked
/// after decoding, and HtmlSanitizer is the last pass. Extensions are enabled one by one: generic attributes
/// ({onclick=...}) must never be. Text beyond <see cref="UserText.MaxDepth"/> (stored before the limit) is shown as plain text.
/// </summary>
public sealed class MarkdownRenderer(SiteLinks? links = null) : IMarkdownRenderer
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly HtmlSafety _safety = new(links);

    private readonly MarkdownPipeline _userPipeline = Extensions(new MarkdownPipelineBuilder().DisableHtml()).Build();

    // Raw HTML is parsed for administrators only; the editorial sanitizer pass decides what survives.
    private readonly MarkdownPipeline _editorialPipeline = Extensions(new MarkdownPipelineBuilder()).Build();

    private static MarkdownPipelineBuilder Extensions(MarkdownPipelineBuilder b)
        => b.UseEmphasisExtras().UsePipeTables().UseAutoLinks().UseListExtras().UseTaskLists();

    public IHtmlContent Render(string? markdown) => new HtmlString(RenderToString(markdown));

    public IHtmlContent RenderEditorial(string? markdown) => new HtmlString(RenderToString(markdown, HtmlProfile.Editorial));

    public string RenderToString(string? markdown, HtmlProfile profile = HtmlProfile.User)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var pipeline = profile == HtmlProfile.Editorial ? _editorialPipeline : _userPipeline;
        // Over-deep nesting (forms refuse it, older rows may hold it): shown as plain encoded text, never a 500.
        if (UserText.ParseWithinLimits(markdown, pipeline) is not { } document) return PlainParagraphs(markdown);
        CheckUrls(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return _safety.Sanitize(writer.ToString(), profile);
    }

    public string ToPlainText(string? markdown)
        => UserText.MarkdownToPlainText(markdown, _userPipeline).Trim();

    private static string PlainParagraphs(string text)
        => string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => "<p>" + WebUtility.HtmlEncode(p.Trim()).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"));

    private static void CheckUrls(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    if (!IsSafeUrl(link.Url) || (link.IsImage && !IsSafeImageUrl(link.Url)))
                        link.Url = "#";
                    break;
                case AutolinkInline auto:
                    if (!IsSafeUrl(auto.Url)) auto.Url = "#";
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
