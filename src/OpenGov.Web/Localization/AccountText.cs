namespace OpenGov.Web;

/// <summary>Marker for the account pages' strings (Resources/AccountText*.resx).</summary>
public sealed class AccountText;
