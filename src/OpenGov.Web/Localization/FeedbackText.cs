namespace OpenGov.Web;

/// <summary>Marker for Resources/FeedbackText*.resx (neutral = French).</summary>
public sealed class FeedbackText;
