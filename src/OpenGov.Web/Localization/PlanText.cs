namespace OpenGov.Web;

/// <summary>Marker for the action plan tracking strings in Resources/PlanText*.resx (neutral = French).</summary>
public sealed class PlanText;
