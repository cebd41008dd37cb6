namespace OpenGov.Web.Pages.Sheets;

/// <summary>Display helpers shared by the sheets pages.</summary>
public static class SheetsWeb
{
    /// <summary>Maps a domain refusal to an HTTP answer or a form error (conventions: never a 500 for a rule).</summary>
    public static string? FormError(Exception ex) => ex switch
    {
        ArgumentException or InvalidOperationException => ex.Message,
        _ => null,
    };

    public static string Display(DateTime? utc) => utc is { } d ? d.ToString("g", System.Globalization.CultureInfo.CurrentCulture) + " UTC" : "—";
}
