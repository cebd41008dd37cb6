namespace OpenGov.SharedKernel.Text;

/// <summary>Checks and conversions of text written by users that must never fail on hostile input.</summary>
public static class UserText
{
    /// <summary>Markdig refuses input nested deeper than its limit (">>>>>>..." or nested lists) with an exception.</summary>
    public static bool IsTooDeeplyNested(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown)) return false;
        try
        {
            Markdig.Markdown.Parse(markdown);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
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
