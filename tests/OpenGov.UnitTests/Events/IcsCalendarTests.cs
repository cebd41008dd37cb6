using System.Text;
using OpenGov.Consultation.Events;

namespace OpenGov.UnitTests.Events;

public sealed class IcsCalendarTests
{
    private static readonly DateTime Start = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    private static string Build(string summary, string? description = null) => IcsCalendar.Build(new IcsCalendar.Entry(
        "abc@opengov", new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc), Start, Start.AddHours(2), summary, description,
        "Rabat; salle 2, étage 1", "https://opengov.ma/events/abc"));

    /// <summary>Unfolds per RFC 5545 3.1 and returns the content lines.</summary>
    private static List<string> Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal)
        .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();

    [Fact]
    public void Has_the_required_properties_in_utc_with_crlf_line_endings()
    {
        var ics = Build("Webinaire de co-création");
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = Unfold(ics);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var vevent = lines.SkipWhile(l => l != "BEGIN:VEVENT").TakeWhile(l => l != "END:VEVENT").ToList();
        Assert.Contains("UID:abc@opengov", vevent);
        Assert.Contains("DTSTAMP:20261121T100000Z", vevent);
        Assert.Contains("DTSTART:20261203T090000Z", vevent);
        Assert.Contains("DTEND:20261203T110000Z", vevent);
        Assert.Contains("SUMMARY:Webinaire de co-création", vevent);
        Assert.Contains("LOCATION:Rabat\\; salle 2\\, étage 1", vevent);
        Assert.Contains("URL:https://opengov.ma/events/abc", vevent);
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_arabic_characters()
    {
        var title = string.Concat(Enumerable.Repeat("ورشة الحكومة المنفتحة ", 12));
        var ics = Build(title, "Ligne 1\nLigne 2, avec \\ barre");
        foreach (var physical in ics.Split("\r\n"))
            Assert.True(Encoding.UTF8.GetByteCount(physical) <= 75, $"{Encoding.UTF8.GetByteCount(physical)} octets: {physical}");
        // Every physical line is valid UTF-8 on its own: no character was cut in half.
        foreach (var physical in ics.Split("\r\n"))
            Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(physical)));
        var lines = Unfold(ics);
        Assert.Contains("SUMMARY:" + title, lines);
        Assert.Contains("DESCRIPTION:Ligne 1\\nLigne 2\\, avec \\\\ barre", lines);
    }
}
