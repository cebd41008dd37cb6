using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenGov.UnitTests.Foundation;

/// <summary>Every refusal a module raises has its message in French, Arabic and English (Resources/DomainErrors*.resx).</summary>
public sealed partial class DomainErrorKeysTests
{
    [GeneratedRegex("""DomainException\.(?:Rule|Forbidden|NotFound)\("([A-Za-z0-9.]+)"|"(Field\.[A-Za-z]+)"\)""")]
    private static partial Regex Raised();

    [Fact]
    public void Every_key_raised_in_the_code_has_a_message_in_each_language()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "OpenGov.sln"))) root = root.Parent!;
        var src = Path.Combine(root.FullName, "src");
        var keys = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Raised().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .ToHashSet();
        Assert.NotEmpty(keys);
        foreach (var suffix in new[] { "", ".ar", ".en" })
        {
            var file = Path.Combine(src, "OpenGov.Web", "Resources", $"DomainErrors{suffix}.resx");
            var present = XDocument.Load(file).Root!.Elements("data")
                .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value)).Select(d => (string)d.Attribute("name")!).ToHashSet();
            Assert.Empty(keys.Where(k => !present.Contains(k)).Select(k => $"{suffix}:{k}"));
        }
    }
}
