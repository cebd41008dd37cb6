namespace OpenGov.Web;

/// <summary>Marker for Resources/WorkshopsText*.resx (neutral = French): regional workshops and their ideas.</summary>
public sealed class WorkshopsText;
