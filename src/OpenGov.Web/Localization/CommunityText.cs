namespace OpenGov.Web;

/// <summary>Marker for the strings of the association register, forum, committees and meetings (Resources/CommunityText*.resx).</summary>
public sealed class CommunityText;
