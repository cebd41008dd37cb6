using System.Globalization;
using System.Text;

namespace OpenGov.Consultation.Events;

/// <summary>
/// A minimal RFC 5545 calendar with one VEVENT: UTC times with "Z", escaped TEXT values, CRLF line endings and lines
/// folded at 75 octets without splitting a UTF-8 character (Arabic titles are multi-byte).
/// </summary>
public static class IcsCalendar
{
    public sealed record Entry(string Uid, DateTime Stamp, DateTime StartsAt, DateTime EndsAt, string Summary,
        string? Description, string? Location, string? Url, int Sequence = 0, bool Cancelled = false);

    /// <summary>One event: an invitation (METHOD:PUBLISH) or its cancellation (METHOD:CANCEL).</summary>
    public static string Build(Entry e) => Calendar([e], e.Cancelled ? "CANCEL" : "PUBLISH", null);

    /// <summary>A subscribable feed of several events (cancelled ones keep STATUS:CANCELLED so calendars remove them).</summary>
    public static string Feed(IEnumerable<Entry> entries, string name) => Calendar(entries, "PUBLISH", name);

    private static string Calendar(IEnumerable<Entry> entries, string? method, string? name)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//OpenGov Morocco//Events//FR", "CALSCALE:GREGORIAN" };
        if (method is not null) lines.Add("METHOD:" + method);
        if (name is not null) lines.Add("X-WR-CALNAME:" + Escape(name));
        foreach (var e in entries)
        {
            lines.AddRange([
                "BEGIN:VEVENT",
                "UID:" + Escape(e.Uid),
                "DTSTAMP:" + Utc(e.Stamp),
                "DTSTART:" + Utc(e.StartsAt),
                "DTEND:" + Utc(e.EndsAt),
                "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture),
                "SUMMARY:" + Escape(e.Summary),
            ]);
            if (!string.IsNullOrWhiteSpace(e.Description)) lines.Add("DESCRIPTION:" + Escape(e.Description));
            if (!string.IsNullOrWhiteSpace(e.Location)) lines.Add("LOCATION:" + Escape(e.Location));
            if (!string.IsNullOrWhiteSpace(e.Url)) lines.Add("URL:" + e.Url.Trim());
            lines.Add("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var sb = new StringBuilder();
        foreach (var line in lines) sb.Append(Fold(line)).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>
    /// Several calendars as one (a digest carries one attachment): their VEVENTs in one VCALENDAR, folded lines kept as they
    /// are; METHOD kept when all agree, dropped otherwise (a plain calendar to import; each event keeps its STATUS).
    /// </summary>
    public static string Merge(IReadOnlyList<string> calendars)
    {
        if (calendars.Count == 1) return calendars[0];
        var methods = new HashSet<string>(StringComparer.Ordinal);
        var events = new StringBuilder();
        foreach (var calendar in calendars)
        {
            var inEvent = false;
            foreach (var line in calendar.Split("\r\n"))
            {
                if (line.StartsWith("METHOD:", StringComparison.Ordinal)) methods.Add(line);
                if (line == "BEGIN:VEVENT") inEvent = true;
                if (inEvent) events.Append(line).Append("\r\n");
                if (line == "END:VEVENT") inEvent = false;
            }
        }
        var head = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OpenGov Morocco//Events//FR\r\nCALSCALE:GREGORIAN\r\n");
        if (methods.Count == 1) head.Append(methods.First()).Append("\r\n");
        return head.Append(events).Append("END:VCALENDAR\r\n").ToString();
    }

    public static string Utc(DateTime instant)
        => DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Folds a content line: at most 75 octets per physical line, continuation lines start with one space.</summary>
    public static string Fold(string line)
    {
        var sb = new StringBuilder();
        var octets = 0;
        var limit = 75;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            var element = (string)enumerator.Current;
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1; // the leading space counts
            }
            sb.Append(element);
            octets += size;
        }
        return sb.ToString();
    }
}
