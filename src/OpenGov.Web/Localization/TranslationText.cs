namespace OpenGov.Web;

/// <summary>Marker for the strings of official texts in three languages (fallback note, translation forms, completeness)
/// in Resources/TranslationText*.resx (neutral = French).</summary>
public sealed class TranslationText;
