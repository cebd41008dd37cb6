using AngleSharp.Html.Parser;
using OpenGov.SharedKernel.Links;
using OpenGov.SharedKernel.Text;
using OpenGov.Web.Infrastructure.Markdown;

namespace OpenGov.UnitTests.Foundation;

/// <summary>The last pass over rendered HTML: the allowlists of HtmlSafety and the site rules (images from the site only,
/// rel on links to other hosts), through the Markdown renderer as pages use it.</summary>
public class HtmlSafetyTests
{
    private const string Site = "https://opengov.example.ma";
    private readonly MarkdownRenderer _md = new(new SiteLinks(Site));
    private readonly HtmlSafety _safety = new(new SiteLinks(Site));

    private static AngleSharp.Dom.IElement Body(string html) => new HtmlParser().ParseDocument("<body>" + html).Body!;

    [Theory]
    [InlineData("<script>alert(1)</script><p>ok</p>")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover=alert(2)>ok</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">ok</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">ok</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=ok>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">ok</p>")]
    [InlineData("<svg onload=alert(1)><p>ok</p></svg>")]
    [InlineData("<iframe src=\"/x\"></iframe><object data=\"/x\"></object><p>ok</p>")]
    [InlineData("<form action=\"/x\"><input type=\"text\" name=\"q\"><button>ok</button></form>")]
    public void Editorial_html_keeps_no_script_handler_dangerous_url_or_style(string html)
    {
        foreach (var profile in new[] { HtmlProfile.User, HtmlProfile.Editorial, HtmlProfile.Mail })
        {
            var body = Body(_safety.Sanitize(html, profile));
            Assert.Empty(body.QuerySelectorAll("script, iframe, object, svg, form, style, button"));
            Assert.Empty(body.QuerySelectorAll("input:not([type=checkbox])"));
            foreach (var el in body.QuerySelectorAll("*"))
            {
                Assert.DoesNotContain(el.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
                foreach (var url in new[] { el.GetAttribute("href"), el.GetAttribute("src") }.OfType<string>())
                    Assert.False(url.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase), url);
            }
        }
    }

    [Fact]
    public void User_markdown_escapes_raw_html_and_styles()
    {
        var html = _md.RenderToString("<p style=\"color:red\" onclick=\"x()\">hi</p>");
        Assert.Empty(Body(html).QuerySelectorAll("[style], [onclick]"));
        Assert.Contains("&lt;p", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![carte](https://tracker.example/pixel.png)", "https://tracker.example/pixel.png", "carte")]
    [InlineData("![](//tracker.example/p.gif)", "//tracker.example/p.gif", "//tracker.example/p.gif")]
    public void Outside_images_become_links(string markdown, string href, string text)
    {
        var body = Body(_md.RenderToString(markdown));
        Assert.Empty(body.QuerySelectorAll("img"));
        var a = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal(href, a.GetAttribute("href"));
        Assert.Equal(text, a.TextContent);
        Assert.Equal(HtmlSafety.OutsideRel, a.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("/img/a.png", true)]
    [InlineData("img/a.png", true)]
    [InlineData("https://opengov.example.ma/a.png", true)]
    [InlineData("https://opengov.example.ma:8443/a.png", false)]
    [InlineData("https://opengov.example.ma.evil.example/a.png", false)]
    [InlineData("//evil.example/a.png", false)]
    [InlineData("/\\evil.example/a.png", false)]
    [InlineData("\\\\evil.example/a.png", false)]
    [InlineData("mailto:a@b.ma", false)]
    public void Same_site_means_relative_or_the_public_origin(string url, bool expected) => Assert.Equal(expected, _safety.IsSameSite(url));

    [Theory]
    [InlineData("![logo](/img/logo.png)", "/img/logo.png")]
    [InlineData("![logo](https://opengov.example.ma/img/logo.png)", "https://opengov.example.ma/img/logo.png")]
    public void Images_from_the_site_itself_are_kept(string markdown, string src)
        => Assert.Equal(src, Assert.Single(Body(_md.RenderToString(markdown)).QuerySelectorAll("img")).GetAttribute("src"));

    [Fact]
    public void Editorial_subset_allows_tables_with_spans_and_site_images_but_not_outside_images_or_scripts()
    {
        const string md = """
            <table><caption>Budget</caption><tr><th scope="col" colspan="2" style="color:red">A</th></tr><tr><td rowspan="2">1</td><td>2</td></tr></table>

            <figure><img src="/files/plan.png" alt="plan" width="300" onerror="alert(1)"><figcaption>Plan</figcaption></figure>

            <img src="https://cdn.example/x.png" alt="ailleurs">

            <script>alert(1)</script>

            | a | b |
            |---|---|
            | 1 | 2 |
            """;
        var body = Body(_md.RenderToString(md, HtmlProfile.Editorial));
        Assert.Equal(2, body.QuerySelectorAll("table").Length);
        Assert.Equal("2", body.QuerySelector("th")!.GetAttribute("colspan"));
        Assert.Equal("2", body.QuerySelector("td")!.GetAttribute("rowspan"));
        Assert.NotNull(body.QuerySelector("caption"));
        var img = Assert.Single(body.QuerySelectorAll("img"));
        Assert.Equal("/files/plan.png", img.GetAttribute("src"));
        Assert.Null(img.GetAttribute("onerror"));
        Assert.NotNull(body.QuerySelector("figcaption"));
        Assert.Equal("https://cdn.example/x.png", body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(body.QuerySelectorAll("script, [style]"));
    }

    [Fact]
    public void User_subset_drops_editorial_extras()
    {
        var html = _safety.Sanitize("<table><caption>c</caption><tr><td colspan=\"3\">x</td></tr></table><div>d</div>", HtmlProfile.User);
        var body = Body(html);
        Assert.Null(body.QuerySelector("caption"));
        Assert.Null(body.QuerySelector("td")!.GetAttribute("colspan"));
        Assert.Null(body.QuerySelector("div"));
    }

    [Fact]
    public void Task_lists_keep_only_disabled_checkboxes()
    {
        var body = Body(_md.RenderToString("- [x] fait\n- [ ] à faire"));
        Assert.Equal(2, body.QuerySelectorAll("input[type=checkbox][disabled]").Length);
    }

    [Fact]
    public void Mail_profile_keeps_paragraphs_and_links_only()
    {
        var body = Body(_safety.Sanitize("<p>Bonjour<br><a href=\"https://opengov.example.ma/p/1\">lien</a><img src=\"/x.png\"><table><tr><td>t</td></tr></table></p>", HtmlProfile.Mail));
        Assert.NotNull(body.QuerySelector("a[href='https://opengov.example.ma/p/1']"));
        Assert.Empty(body.QuerySelectorAll("img, table, td"));
    }

    [Fact]
    public void Deep_nesting_is_refused_by_the_rule_and_rendered_as_plain_text()
    {
        var deep = new string('>', 200) + " fond";
        Assert.True(UserText.IsTooDeeplyNested(deep));
        var lists = string.Concat(Enumerable.Range(0, 60).Select(i => new string(' ', i * 2) + "- x\n"));
        Assert.True(UserText.IsTooDeeplyNested(lists));
        // Pathological inline input must render (within the limit or as plain text), never throw.
        Assert.NotNull(_md.RenderToString(new string('[', 5000) + "x" + new string(']', 5000) + new string('*', 3000)));
        var html = _md.RenderToString(deep);
        Assert.Empty(Body(html).QuerySelectorAll("blockquote"));
        Assert.Contains("fond", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_nesting_and_size_pass_and_oversized_text_is_refused()
    {
        Assert.False(UserText.IsTooDeeplyNested("> citation\n>\n> - point **gras _et italique_**\n>   - sous-point, assez long pour être analysé"));
        Assert.False(UserText.IsTooLong(new string('a', UserText.MaxLength)));
        Assert.True(UserText.IsTooLong(new string('a', UserText.MaxLength + 1)));
    }
}
