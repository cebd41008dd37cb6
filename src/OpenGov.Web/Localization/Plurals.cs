using System.Globalization;
using Microsoft.Extensions.Localization;

namespace OpenGov.Web.Localization;

/// <summary>
/// The one rule for counts in sentences ("1 inscrit", "2 inscrits"): <c>L.Plural("Details.Seats", n, ...)</c> reads the
/// resource key <c>Key.One</c> or <c>Key.Other</c> (Arabic may add <c>.Zero</c>, <c>.Two</c>, <c>.Few</c>, <c>.Many</c>,
/// each falling back to <c>.Other</c>), with <c>{0}</c> the count and the other arguments after it.
/// Categories follow CLDR: French has "one" for 0 and 1, English for 1 only, Arabic six forms.
/// </summary>
public static class Plurals
{
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, long count, params object[] more)
    {
        var args = new object[more.Length + 1];
        args[0] = count;
        more.CopyTo(args, 1);
        var category = Category(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, count);
        var found = localizer[$"{key}.{category}", args];
        return found.ResourceNotFound && category != "Other" ? localizer[$"{key}.Other", args] : found;
    }

    /// <summary>The CLDR plural category of a whole number in a language ("One", "Other"...).</summary>
    public static string Category(string language, long count)
    {
        var n = Math.Abs(count);
        return language switch
        {
            "fr" => n <= 1 ? "One" : "Other",
            "ar" => n switch
            {
                0 => "Zero",
                1 => "One",
                2 => "Two",
                _ when n % 100 is >= 3 and <= 10 => "Few",
                _ when n % 100 is >= 11 and <= 99 => "Many",
                _ => "Other",
            },
            _ => n == 1 ? "One" : "Other",
        };
    }
}
