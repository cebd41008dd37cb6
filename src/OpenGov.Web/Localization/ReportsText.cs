namespace OpenGov.Web;

/// <summary>Marker for Resources/ReportsText*.resx (neutral = French).</summary>
public sealed class ReportsText;
