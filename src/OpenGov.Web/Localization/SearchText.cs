namespace OpenGov.Web;

/// <summary>Strings of the site-wide search page (Resources/SearchText*.resx).</summary>
public sealed class SearchText;
