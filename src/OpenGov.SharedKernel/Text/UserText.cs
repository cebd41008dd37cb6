namespace OpenGov.SharedKernel.Text;

/// <summary>Checks and conversions of text written by users that must never fail on hostile input.</summary>
public static class UserText
{
    /// <summary>Longest text a form accepts in any field (fields have their own, smaller limits too).</summary>
    public const int MaxLength = 100_000;

    /// <summary>Deepest nesting of Markdown blocks and inlines (quotes in lists in emphasis...) a form accepts: deeper text makes
    /// Markdig and the HTML parser recurse for nothing a reader needs. The renderer shows older text beyond it as plain text.</summary>
    public const int MaxDepth = 32;

    public static bool IsTooLong(string? text) => text is not null && text.Length > MaxLength;

    /// <summary>Nested deeper than <see cref="MaxDepth"/>, or refused by Markdig's own limit (">>>>>>..." or nested lists),
    /// with the given pipeline (the renderer's) or Markdig's default one.</summary>
    public static bool IsTooDeeplyNested(string? markdown, Markdig.MarkdownPipeline? pipeline = null)
        => !string.IsNullOrEmpty(markdown) && ParseWithinLimits(markdown, pipeline) is null;

    /// <summary>The parsed document, or null when it is nested too deeply (one parse for the check and the rendering).</summary>
    public static Markdig.Syntax.MarkdownDocument? ParseWithinLimits(string markdown, Markdig.MarkdownPipeline? pipeline = null)
    {
        try
        {
            var document = Markdig.Markdown.Parse(markdown, pipeline);
            // Each level of nesting takes at least one character: short texts need no walk.
            return markdown.Length <= MaxDepth || Depth(document) <= MaxDepth ? document : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The deepest nesting of blocks and inlines, walked without recursion (stops past the limit).</summary>
    private static int Depth(Markdig.Syntax.MarkdownDocument document)
    {
        var max = 0;
        var stack = new Stack<(Markdig.Syntax.MarkdownObject Node, int Depth)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > max && (max = depth) > MaxDepth) return max;
            switch (node)
            {
                case Markdig.Syntax.ContainerBlock container:
                    foreach (var child in container) stack.Push((child, depth + 1));
                    break;
                case Markdig.Syntax.LeafBlock { Inline: { } inline }:
                    stack.Push((inline, depth));
                    break;
                case Markdig.Syntax.Inlines.ContainerInline inlines:
                    foreach (var child in inlines) stack.Push((child, depth + 1));
                    break;
            }
        }
        return max;
    }

    /// <summary>Plain text of Markdown for search and e-mails; over-deep input is kept as it was written.</summary>
    public static string MarkdownToPlainText(string? markdown, Markdig.MarkdownPipeline? pipeline = null)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        try
        {
            return Markdig.Markdown.ToPlainText(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            return markdown;
        }
    }

    /// <summary>C0 control characters other than tab and line breaks (form feed, NUL...): invalid in XML and PostgreSQL text.</summary>
    public static bool HasControlCharacters(string? text)
        => text is not null && text.Any(c => c < ' ' && c is not '\t' and not '\r' and not '\n');

    /// <summary>Removes what XML 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF).</summary>
    public static string ForXml(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var chars = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { chars.Append(c).Append(text[++i]); continue; }
            if (System.Xml.XmlConvert.IsXmlChar(c)) chars.Append(c);
        }
        return chars.ToString();
    }
}
