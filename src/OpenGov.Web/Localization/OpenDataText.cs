namespace OpenGov.Web;

/// <summary>Strings of the open-data repository page (Resources/OpenDataText*.resx).</summary>
public sealed class OpenDataText;
