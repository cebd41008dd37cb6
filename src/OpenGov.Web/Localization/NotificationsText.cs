namespace OpenGov.Web;

/// <summary>Marker for Resources/NotificationsText*.resx (neutral = French).</summary>
public sealed class NotificationsText;
