using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenGov.Web.Infrastructure;
using OpenGov.Web.Localization;

namespace OpenGov.Web;

/// <summary>
/// The one home for showing dates and times (views, PageModels, mails, reports). Every instant is shown in the site's time
/// zone (<c>Site:TimeZone</c>, Africa/Casablanca by default, with Morocco's +01 and its Ramadan +00 as the system's time-zone
/// data gives them), in the reader's language with Latin digits: day-month-year in French, Arabic (Moroccan month names:
/// يناير … نونبر، دجنبر) and English (en-GB), 24-hour times. The format set: <see cref="Date(DateTime)"/> (26 novembre 2026),
/// <see cref="ShortDate(DateTime)"/> (26/11/2026), <see cref="MonthYear(DateTime)"/> (novembre 2026), <see cref="Time"/>
/// (14:30), <see cref="DateAndTime(DateTime)"/> (26 novembre 2026 14:30) and, where the time is a deadline or an appointment,
/// <see cref="DateAndTimeInZone(DateTime)"/> and <see cref="Span"/> with the zone named in words ("heure du Maroc").
/// Missing values show "—". Forms type wall-clock times in the site's zone: <see cref="ToLocal"/>, <see cref="InputValue"/>, <see cref="ToUtc"/>.
/// </summary>
public sealed class SiteDates
{
    public const string Dash = "—";
    private readonly IStringLocalizer<SharedResource> _text;

    public SiteDates(IOptions<SiteOptions> site, IStringLocalizer<SharedResource> text)
    {
        ZoneId = string.IsNullOrWhiteSpace(site.Value.TimeZone) ? SiteOptions.DefaultTimeZone : site.Value.TimeZone.Trim();
        Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId); // an unknown zone fails at startup, not on a page
        _text = text;
    }

    public string ZoneId { get; }
    public TimeZoneInfo Zone { get; }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time typed in the site's zone (a form) as a UTC instant.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>The site-local calendar day of an instant (grouping by day).</summary>
    public DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public string Date(DateTime utc) => Format(ToLocal(utc), "d MMMM yyyy");
    public string Date(DateTime? utc) => utc is { } d ? Date(d) : Dash;
    public string Date(DateOnly day) => Format(day, "d MMMM yyyy");
    public string Date(DateOnly? day) => day is { } d ? Date(d) : Dash;

    public string ShortDate(DateTime utc) => Format(ToLocal(utc), "dd/MM/yyyy");
    public string ShortDate(DateTime? utc) => utc is { } d ? ShortDate(d) : Dash;
    public string ShortDate(DateOnly day) => Format(day, "dd/MM/yyyy");
    public string ShortDate(DateOnly? day) => day is { } d ? ShortDate(d) : Dash;

    public string MonthYear(DateTime utc) => Format(ToLocal(utc), "MMMM yyyy");
    public string MonthYear(DateOnly day) => Format(day, "MMMM yyyy");

    public string Time(DateTime utc) => Format(ToLocal(utc), "HH:mm");

    public string DateAndTime(DateTime utc) => Format(ToLocal(utc), "d MMMM yyyy HH:mm");
    public string DateAndTime(DateTime? utc) => utc is { } d ? DateAndTime(d) : Dash;

    /// <summary>A deadline or an appointment: the date and time with the zone in words, e.g. "26 novembre 2026 14:30 (heure du Maroc)".</summary>
    public string DateAndTimeInZone(DateTime utc) => $"{DateAndTime(utc)} ({ZoneLabel})";
    public string DateAndTimeInZone(DateTime? utc) => utc is { } d ? DateAndTimeInZone(d) : Dash;

    /// <summary>From start to end: "26 novembre 2026 14:00 – 16:00 (heure du Maroc)", the end date repeated only if it differs.</summary>
    public string Span(DateTime startUtc, DateTime endUtc)
    {
        var end = Day(endUtc) == Day(startUtc) ? Time(endUtc) : DateAndTime(endUtc);
        return $"{DateAndTime(startUtc)} – {end} ({ZoneLabel})";
    }

    /// <summary>A calendar date kept as a UTC midnight (cycle phases), shown as that date without conversion.</summary>
    public string CalendarDate(DateTime utcMidnight) => Date(DateOnly.FromDateTime(utcMidnight));

    /// <summary>The value of an <c>input type="datetime-local"</c> for a wall-clock time in the site's zone (see <see cref="ToLocal"/>).</summary>
    public static string InputValue(DateTime? local) => local is { } d ? d.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>The site's zone in words in the reader's language ("heure du Maroc"), never the raw id; UTC±hh:mm if the
    /// resources do not name the configured zone.</summary>
    public string ZoneLabel
    {
        get
        {
            var label = _text["TimeZone." + ZoneId];
            if (!label.ResourceNotFound) return label.Value;
            var offset = Zone.BaseUtcOffset;
            return "UTC" + (offset < TimeSpan.Zero ? "−" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        }
    }

    private static string Format(DateTime local, string pattern) => local.ToString(pattern, Cultures.Formatting(CultureInfo.CurrentCulture));

    private static string Format(DateOnly day, string pattern) => day.ToString(pattern, Cultures.Formatting(CultureInfo.CurrentCulture));
}
