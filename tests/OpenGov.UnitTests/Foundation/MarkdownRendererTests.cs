using OpenGov.SharedKernel.Links;
using OpenGov.Web.Infrastructure.Markdown;

namespace OpenGov.UnitTests.Foundation;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _md = new(new SiteLinks("https://opengov.example.ma"));

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](&#x6A;avascript&#x3A;alert(1))")]
    [InlineData("[x](java%0Ascript:alert(1))")]
    [InlineData("[x](  javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](file:///etc/passwd)")]
    public void Dangerous_urls_never_reach_the_html(string markdown)
    {
        var html = _md.RenderToString(markdown);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("file:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&#106;", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("hello {onclick=alert(1)}")]
    [InlineData("# title {onclick=\"alert(1)\"}")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Raw_html_and_generic_attributes_are_inert(string markdown)
    {
        var html = _md.RenderToString(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        // Escaped text may mention onclick=; what matters is that no tag carries an event handler.
        Assert.DoesNotMatch(@"<[a-z][^>]*\son[a-z]+\s*=", html);
        Assert.DoesNotContain("<a href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[site](https://www.gouvernement-ouvert.ma)", "href=\"https://www.gouvernement-ouvert.ma\"")]
    [InlineData("<https://example.ma/a>", "href=\"https://example.ma/a\"")]
    [InlineData("voir https://example.ma/b", "href=\"https://example.ma/b\"")]
    [InlineData("[proto-relative](//evil.example/x)", "href=\"//evil.example/x\"")]
    public void Links_to_other_hosts_get_rel_nofollow_noopener_ugc(string markdown, string expected)
    {
        var html = _md.RenderToString(markdown);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener ugc\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[page](/proposals?axis=1)", "href=\"/proposals?axis=1\"")]
    [InlineData("[abs](https://opengov.example.ma/news)", "href=\"https://opengov.example.ma/news\"")]
    [InlineData("[mail](mailto:contact@example.ma)", "href=\"mailto:contact@example.ma\"")]
    public void Site_and_mail_links_are_kept_without_rel(string markdown, string expected)
    {
        var html = _md.RenderToString(markdown);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_markdown_and_arabic_text_render()
    {
        var html = _md.RenderToString("**gras** et _italique_\n\n- un\n- deux\n\nالشفافية والمساءلة");
        Assert.Contains("<strong>gras</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>un</li>", html, StringComparison.Ordinal);
        Assert.Contains("الشفافية والمساءلة", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_drops_markup()
        => Assert.Equal("gras et lien", _md.ToPlainText("**gras** et [lien](https://example.ma)"));
}
