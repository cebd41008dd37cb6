namespace OpenGov.Web;

/// <summary>Marker for the administration pages' strings (Resources/AdminText*.resx).</summary>
public sealed class AdminText;
