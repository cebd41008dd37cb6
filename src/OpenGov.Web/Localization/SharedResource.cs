namespace OpenGov.Web;

/// <summary>Marker for the site-wide strings in Resources/SharedResource*.resx (neutral = French).
/// Each feature has its own marker and resx files (e.g. ProposalsText) so features grow independently.</summary>
public sealed class SharedResource;
