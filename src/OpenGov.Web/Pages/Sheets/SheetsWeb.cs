namespace OpenGov.Web.Pages.Sheets;

/// <summary>Display helpers shared by the sheets pages.</summary>
public static class SheetsWeb
{
    public static string Display(DateTime? utc) => utc is { } d ? d.ToString("g", System.Globalization.CultureInfo.CurrentCulture) + " UTC" : "—";
}
