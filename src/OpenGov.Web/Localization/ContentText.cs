namespace OpenGov.Web;

/// <summary>Strings of the news, static pages, content administration and home page (Resources/ContentText*.resx).</summary>
public sealed class ContentText;
