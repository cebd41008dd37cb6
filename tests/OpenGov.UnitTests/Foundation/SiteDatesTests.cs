using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenGov.Web;
using OpenGov.Web.Infrastructure;
using OpenGov.Web.Localization;

namespace OpenGov.UnitTests.Foundation;

/// <summary>The one format set of dates and times, in the site's zone (Africa/Casablanca by default), in fr, ar and en.</summary>
public sealed class SiteDatesTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _ui = CultureInfo.CurrentUICulture;
    private static readonly SiteDates Dates = Create(new SiteOptions());

    private static SiteDates Create(SiteOptions options)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new SiteDates(Options.Create(options), new StringLocalizer<SharedResource>(factory));
    }

    private static void In(string language) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Cultures.For(language);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _ui);

    // 23:30 UTC on 26 November 2026 is 00:30 on the 27th in Casablanca (+01).
    private static readonly DateTime NearMidnight = new(2026, 11, 26, 23, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("fr", "27 novembre 2026", "27/11/2026", "novembre 2026", "00:30", "27 novembre 2026 00:30", "27 novembre 2026 00:30 (heure du Maroc)")]
    [InlineData("ar", "27 نونبر 2026", "27/11/2026", "نونبر 2026", "00:30", "27 نونبر 2026 00:30", "27 نونبر 2026 00:30 (بتوقيت المغرب)")]
    [InlineData("en", "27 November 2026", "27/11/2026", "November 2026", "00:30", "27 November 2026 00:30", "27 November 2026 00:30 (Morocco time)")]
    public void Every_format_in_every_language_in_casablanca_time(string language, string date, string shortDate, string monthYear,
        string time, string dateAndTime, string inZone)
    {
        In(language);
        Assert.Equal(date, Dates.Date(NearMidnight));
        Assert.Equal(shortDate, Dates.ShortDate(NearMidnight));
        Assert.Equal(monthYear, Dates.MonthYear(NearMidnight));
        Assert.Equal(time, Dates.Time(NearMidnight));
        Assert.Equal(dateAndTime, Dates.DateAndTime(NearMidnight));
        Assert.Equal(inZone, Dates.DateAndTimeInZone(NearMidnight));
        Assert.Equal(new DateOnly(2026, 11, 27), Dates.Day(NearMidnight));
    }

    [Fact]
    public void Moroccan_arabic_month_names_and_latin_digits()
    {
        In("ar");
        var months = Enumerable.Range(1, 12).Select(m => Dates.MonthYear(new DateOnly(2026, m, 15)).Split(' ')[0]);
        Assert.Equal("يناير فبراير مارس أبريل ماي يونيو يوليوز غشت شتنبر أكتوبر نونبر دجنبر", string.Join(' ', months));
        var all = Dates.Span(NearMidnight, NearMidnight.AddHours(30)) + Dates.ShortDate(NearMidnight) + 1234.5.ToString("N1", CultureInfo.CurrentCulture)
            + DateTime.UtcNow.ToString("g", CultureInfo.CurrentCulture);
        Assert.DoesNotContain(all, c => c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9'); // no Arabic-Indic digits
        Assert.DoesNotContain("ص", DateTime.UtcNow.ToString("g", CultureInfo.CurrentCulture), StringComparison.Ordinal); // 24-hour
    }

    [Fact]
    public void English_is_day_month_year_never_us()
    {
        In("en");
        var may = new DateTime(2026, 5, 3, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal("03/05/2026", Dates.ShortDate(may));
        Assert.Equal("03/05/2026", may.ToString("d", CultureInfo.CurrentCulture)); // leftover "d" formats too
        Assert.Equal("3 May 2026 09:00", Dates.DateAndTime(may));
    }

    [Fact]
    public void Morocco_is_on_plus_one_all_year_except_ramadan_as_the_time_zone_data_says()
    {
        In("fr");
        Assert.Equal(TimeSpan.FromHours(1), Dates.Zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(1), Dates.Zone.GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc))); // no summer time
        // Ramadan 2026 (about 18 February to 20 March): the data puts Morocco on +00, so 23:30 UTC stays on the same day.
        var ramadan = new DateTime(2026, 2, 25, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.Zero, Dates.Zone.GetUtcOffset(ramadan));
        Assert.Equal("25 février 2026 23:30", Dates.DateAndTime(ramadan));
        Assert.Equal("1 mars 2026 00:30", Dates.DateAndTime(new DateTime(2026, 3, 1, 0, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("1 avril 2026 01:30", Dates.DateAndTime(new DateTime(2026, 4, 1, 0, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_span_repeats_the_date_only_when_the_day_changes_and_inputs_round_trip()
    {
        In("fr");
        var start = new DateTime(2026, 11, 26, 13, 0, 0, DateTimeKind.Utc);
        Assert.Equal("26 novembre 2026 14:00 – 16:00 (heure du Maroc)", Dates.Span(start, start.AddHours(2)));
        Assert.Equal("26 novembre 2026 14:00 – 27 novembre 2026 00:30 (heure du Maroc)", Dates.Span(start, NearMidnight));
        Assert.Equal("2026-11-26T14:00", SiteDates.InputValue(Dates.ToLocal(start)));
        Assert.Equal(start, Dates.ToUtc(new DateTime(2026, 11, 26, 14, 0, 0)));
        Assert.Equal(SiteDates.Dash, Dates.Date((DateTime?)null));
    }

    [Fact]
    public void Another_configured_zone_is_used_and_named_by_its_offset_not_its_id()
    {
        In("fr");
        var tokyo = Create(new SiteOptions { TimeZone = "Asia/Tokyo" });
        Assert.Equal("27 novembre 2026 08:30 (UTC+09:00)", tokyo.DateAndTimeInZone(NearMidnight));
    }
}
