namespace OpenGov.Web;

/// <summary>Marker for the commitment sheets' strings (Resources/SheetsText*.resx), also the mail templates "SheetsText:Mail.*".</summary>
public sealed class SheetsText;
