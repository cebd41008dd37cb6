using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenGov.UnitTests.Notifications;

/// <summary>
/// Every mail template the code enqueues must exist (subject and body) in French, Arabic and English: a missing key would
/// only show at delivery, in a recipient's inbox. The keys are read from the sources, so a new template is checked at once.
/// </summary>
public sealed partial class MailTemplateKeysTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenGov.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("OpenGov.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("\"(?<res>[A-Z][A-Za-z]+Text):(?<key>Mail\\.[A-Za-z.]+)\"")]
    private static partial Regex QualifiedTemplate();

    // The events feature prefixes "EventsText:" to a "Mail.X" key at the call site.
    [GeneratedRegex("\"(?<key>Mail\\.[A-Za-z]+)\"")]
    private static partial Regex EventsTemplate();

    public static TheoryData<string, string> Templates()
    {
        var found = new SortedSet<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in QualifiedTemplate().Matches(text)) found.Add((m.Groups["res"].Value, m.Groups["key"].Value));
            if (file.Contains($"{Path.DirectorySeparatorChar}Events{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && text.Contains("\"EventsText:\"", StringComparison.Ordinal))
                foreach (Match m in EventsTemplate().Matches(text)) found.Add(("EventsText", m.Groups["key"].Value));
        }
        var data = new TheoryData<string, string>();
        foreach (var (res, key) in found) data.Add(res, key);
        return data;
    }

    [Fact]
    public void The_scan_finds_the_known_templates()
    {
        var all = Templates().Select(row => $"{row[0]}:{row[1]}").ToList();
        Assert.Contains("ProposalsText:Mail.Published", all);
        Assert.Contains("SheetsText:Mail.Revised", all);
        Assert.Contains("EventsText:Mail.Confirmed", all);
        Assert.Contains("PlanText:Mail.Reminder", all);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Each_template_has_a_subject_and_body_in_every_language(string resource, string key)
    {
        foreach (var suffix in new[] { "", ".ar", ".en" })
        {
            var path = Path.Combine(Root, "src", "OpenGov.Web", "Resources", $"{resource}{suffix}.resx");
            Assert.True(File.Exists(path), $"{path} is missing");
            var names = XDocument.Load(path).Root!.Elements("data")
                .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value)).Select(d => (string)d.Attribute("name")!).ToHashSet();
            Assert.True(names.Contains(key + ".Subject"), $"{resource}{suffix}: {key}.Subject is missing");
            Assert.True(names.Contains(key + ".Body"), $"{resource}{suffix}: {key}.Body is missing");
        }
    }
}
