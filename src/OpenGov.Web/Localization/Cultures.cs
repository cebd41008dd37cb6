using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Localization;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Web.Localization;

public static class Cultures
{
    public const string Default = LocalizedText.French;
    public static readonly string[] Supported = [.. LocalizedText.Languages];

    private static readonly ConcurrentDictionary<string, CultureInfo> Configured = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A language named in itself (for language choices, whatever the page's language).</summary>
    public static string NativeName(string language) => language switch { "ar" => "العربية", "en" => "English", _ => "Français" };

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;

    /// <summary>French first for everyone; the choice is kept in a cookie (and a ?culture= link works too).
    /// Accept-Language is deliberately ignored: the national platform speaks French unless asked otherwise.</summary>
    public static void Configure(RequestLocalizationOptions o)
    {
        var cultures = Supported.Select(For).ToList();
        o.DefaultRequestCulture = new RequestCulture(For(Default));
        o.SupportedCultures = cultures;
        o.SupportedUICultures = cultures;
        o.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
        ];
    }

    /// <summary>The site's culture for a language ("fr", "ar", "en"; others: French), as requests and mails use it.</summary>
    public static CultureInfo For(string? name)
    {
        var language = string.IsNullOrWhiteSpace(name) ? Default : name.Split('-')[0];
        return Configured.GetOrAdd(Supported.Contains(language, StringComparer.OrdinalIgnoreCase) ? language.ToLowerInvariant() : Default, Create);
    }

    /// <summary>The site's culture with the language of <paramref name="current"/>, for formatting dates and numbers.</summary>
    public static CultureInfo Formatting(CultureInfo current) => For(current.TwoLetterISOLanguageName);

    /// <summary>
    /// Moroccan usage: Arabic takes the ar-MA calendar data (Gregorian, month names يناير … نونبر، دجنبر) and numbers (Latin
    /// digits); English takes en-GB's (day-month-year, 24-hour). Patterns are day-month-year everywhere.
    /// </summary>
    private static CultureInfo Create(string name)
    {
        var c = new CultureInfo(name);
        if (name == "ar")
        {
            var morocco = new CultureInfo("ar-MA");
            c.DateTimeFormat = (DateTimeFormatInfo)morocco.DateTimeFormat.Clone();
            c.NumberFormat = (NumberFormatInfo)morocco.NumberFormat.Clone();
            if (c.DateTimeFormat.Calendar is not GregorianCalendar)
                c.DateTimeFormat.Calendar = c.OptionalCalendars.OfType<GregorianCalendar>().First();
        }
        else if (name == "en")
        {
            c.DateTimeFormat = (DateTimeFormatInfo)new CultureInfo("en-GB").DateTimeFormat.Clone();
        }
        var f = c.DateTimeFormat;
        f.DateSeparator = "/"; // ar-MA writes a right-to-left mark in it
        f.TimeSeparator = ":";
        f.ShortDatePattern = "dd/MM/yyyy";
        f.LongDatePattern = "d MMMM yyyy";
        f.ShortTimePattern = "HH:mm";
        f.LongTimePattern = "HH:mm:ss";
        return c;
    }
}
