using System.Globalization;
using OpenGov.SharedKernel.Text;

namespace OpenGov.SharedKernel.Outbox;

/// <summary>
/// Template values shown in the recipient's language at delivery rather than fixed when the mail is enqueued: an instant is
/// stored as a marker and the renderer (Web <c>MailRenderer</c>) writes it through the site's one date format, in the site's
/// time zone, e.g. "26 novembre 2026 14:30 (heure du Maroc)" / "26 نونبر 2026 14:30 (بتوقيت المغرب)".
/// </summary>
public static class MailValue
{
    private const string InstantPrefix = "\u0001instant:";
    private const string DayPrefix = "\u0001day:";
    private const string TextPrefix = "\u0001text:";

    public static string Instant(DateTime utc)
        => InstantPrefix + DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    public static bool TryInstant(string value, out DateTime utc)
    {
        utc = default;
        return value.StartsWith(InstantPrefix, StringComparison.Ordinal)
            && DateTime.TryParse(value.AsSpan(InstantPrefix.Length), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
    }

    /// <summary>A day without time (a due date), shown as the site's date ("4 mars 2026", "4 مارس 2026").</summary>
    public static string Day(DateOnly day) => DayPrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryDay(string value, out DateOnly day)
    {
        day = default;
        return value.StartsWith(DayPrefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(value.AsSpan(DayPrefix.Length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    /// <summary>An official text (a sheet's title) shown in the recipient's language, else its French original.</summary>
    public static string Text(LocalizedText text)
        => TextPrefix + System.Text.Json.JsonSerializer.Serialize(new[] { text.Fr, text.Ar, text.En });

    public static bool TryText(string value, out LocalizedText text)
    {
        text = new LocalizedText("");
        if (!value.StartsWith(TextPrefix, StringComparison.Ordinal)) return false;
        try
        {
            if (System.Text.Json.JsonSerializer.Deserialize<string?[]>(value.AsSpan(TextPrefix.Length)) is not [var fr, var ar, var en]) return false;
            text = new LocalizedText(fr, ar, en);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
