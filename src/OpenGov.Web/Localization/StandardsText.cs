namespace OpenGov.Web;

/// <summary>Marker for Resources/StandardsText*.resx (neutral = French): the OGP standards checklist.</summary>
public sealed class StandardsText;
