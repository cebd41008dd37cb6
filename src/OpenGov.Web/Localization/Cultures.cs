using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace OpenGov.Web.Localization;

public static class Cultures
{
    public const string Default = "fr";
    public static readonly string[] Supported = ["fr", "ar", "en"];

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;

    /// <summary>French first for everyone; the choice is kept in a cookie (and a ?culture= link works too).
    /// Accept-Language is deliberately ignored: the national platform speaks French unless asked otherwise.</summary>
    public static void Configure(RequestLocalizationOptions o)
    {
        var cultures = Supported.Select(Create).ToList();
        o.DefaultRequestCulture = new RequestCulture(Default);
        o.SupportedCultures = cultures;
        o.SupportedUICultures = cultures;
        o.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
        ];
    }

    private static CultureInfo Create(string name)
    {
        var c = new CultureInfo(name);
        // Morocco uses the Gregorian calendar in administration; some Arabic cultures default to Hijri.
        if (name == "ar" && c.DateTimeFormat.Calendar is not GregorianCalendar)
            c.DateTimeFormat.Calendar = c.OptionalCalendars.OfType<GregorianCalendar>().First();
        return c;
    }
}
