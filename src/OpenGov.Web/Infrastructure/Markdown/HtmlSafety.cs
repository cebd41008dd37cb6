using AngleSharp.Dom;
using Ganss.Xss;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Web.Infrastructure.Markdown;

/// <summary>Which allowlist the last pass applies.</summary>
public enum HtmlProfile
{
    /// <summary>Markdown written by users and editors (proposals, comments, sheets, forum, responses, minutes, events).</summary>
    User,

    /// <summary>Administrators' news and content pages: raw HTML is parsed, then cut down to a wider allowlist (see docs/conventions.md).</summary>
    Editorial,

    /// <summary>The body of an HTML e-mail built from text: paragraphs, line breaks, links.</summary>
    Mail,
}

/// <summary>
/// The last pass over every HTML fragment built from user or editor text: HtmlSanitizer with an explicit allowlist of tags,
/// attributes and URL schemes (no style, no class, no event handler, no data: or javascript: URL), then the site rules:
/// images load only from the site itself (an image elsewhere becomes a link to it) and links to other hosts get
/// rel="nofollow noopener ugc". Instances are immutable after construction, so one is shared by all requests.
/// </summary>
public sealed class HtmlSafety
{
    public const string OutsideRel = "nofollow noopener ugc";

    private static readonly string[] Schemes = ["http", "https", "mailto"];
    private static readonly string[] UriAttrs = ["href", "src"];

    private static readonly string[] UserTags =
    [
        "p", "br", "hr", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td", "input",
    ];

    private static readonly string[] UserAttributes = ["href", "src", "alt", "title", "start", "type", "checked", "disabled"];

    private static readonly string[] EditorialExtraTags = ["caption", "tfoot", "colgroup", "col", "figure", "figcaption", "dl", "dt", "dd", "abbr", "small", "s", "u", "section", "div", "span"];

    private static readonly string[] EditorialExtraAttributes = ["colspan", "rowspan", "scope", "width", "height", "lang", "dir"];

    private readonly Uri? _site;
    private readonly HtmlSanitizer _user;
    private readonly HtmlSanitizer _editorial;
    private readonly HtmlSanitizer _mail;

    /// <param name="links">The site's public address: absolute URLs on this origin count as the site's own.</param>
    public HtmlSafety(SiteLinks? links = null)
    {
        _site = links?.BaseUri;
        _user = Build(UserTags, UserAttributes);
        _editorial = Build([.. UserTags, .. EditorialExtraTags], [.. UserAttributes, .. EditorialExtraAttributes]);
        _mail = Build(["p", "br", "hr", "a", "strong", "em"], ["href"]);
    }

    public string Sanitize(string html, HtmlProfile profile) => string.IsNullOrEmpty(html) ? "" : (profile switch
    {
        HtmlProfile.Editorial => _editorial,
        HtmlProfile.Mail => _mail,
        _ => _user,
    }).Sanitize(html);

    /// <summary>True for relative URLs and absolute URLs on the site's own origin. Backslashes count as slashes
    /// (browsers read "/\host" as "//host").</summary>
    public bool IsSameSite(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var u = url.Trim().Replace('\\', '/');
        if (u.StartsWith("//", StringComparison.Ordinal)) u = (_site?.Scheme ?? "https") + ":" + u;
        if (!Uri.TryCreate(u, UriKind.RelativeOrAbsolute, out var uri) || !uri.IsAbsoluteUri)
            return !u.Contains(':', StringComparison.Ordinal) || u.IndexOfAny(['/', '?', '#']) < u.IndexOf(':', StringComparison.Ordinal);
        if (uri.Scheme is not ("http" or "https")) return false;
        return _site is not null && string.Equals(uri.Host, _site.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == _site.Port;
    }

    private HtmlSanitizer Build(IEnumerable<string> tags, IEnumerable<string> attributes)
    {
        var s = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(Schemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(UriAttrs, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedClasses = new HashSet<string>(),
            AllowDataAttributes = false,
        });
        s.PostProcessDom += (_, e) => ApplySiteRules(e.Document.Body);
        return s;
    }

    private void ApplySiteRules(IElement? root)
    {
        if (root is null) return;
        foreach (var img in root.QuerySelectorAll("img").ToList())
        {
            var src = img.GetAttribute("src");
            if (string.IsNullOrWhiteSpace(src)) { img.Remove(); continue; }
            if (IsSameSite(src)) continue;
            // An image from elsewhere would tell that host who reads the page: show it as a link instead.
            var link = img.Owner!.CreateElement("a");
            link.SetAttribute("href", src);
            link.TextContent = string.IsNullOrWhiteSpace(img.GetAttribute("alt")) ? src : img.GetAttribute("alt")!;
            img.Replace(link);
        }
        foreach (var a in root.QuerySelectorAll("a[href]"))
        {
            var href = a.GetAttribute("href")!;
            if (IsSameSite(href) || href.TrimStart().StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) a.RemoveAttribute("rel");
            else a.SetAttribute("rel", OutsideRel);
        }
        // Only the read-only checkboxes of task lists survive as inputs.
        foreach (var input in root.QuerySelectorAll("input").ToList())
        {
            if (!string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase)) { input.Remove(); continue; }
            input.SetAttribute("disabled", "disabled");
        }
    }
}
