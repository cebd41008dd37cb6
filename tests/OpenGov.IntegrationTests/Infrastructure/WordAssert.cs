using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace OpenGov.IntegrationTests.Infrastructure;

/// <summary>Checks a Word file the way Word does: the Open XML schema validator, plus the structure every report must have.</summary>
public static class WordAssert
{
    /// <summary>0 validator errors (the first ones listed in the failure), styles, a TOC field, a PAGE footer, grids and repeating headers.</summary>
    public static WordprocessingDocument Valid(byte[] bytes, string what)
    {
        var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).ToList();
        Assert.True(errors.Count == 0, $"{what}: {errors.Count} validator errors\n" + string.Join("\n",
            errors.Take(25).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        var main = doc.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Select(s => s.StyleId!.Value).ToHashSet();
        foreach (var id in new[] { "Title", "Heading1", "Heading2", "Heading3", "ReportTable", "TOCHeading" }) Assert.Contains(id, styles);
        var body = main.Document!.Body!;
        Assert.Contains(body.Descendants<W.FieldCode>(), f => f.Text.Contains("TOC", StringComparison.Ordinal));
        Assert.True(main.DocumentSettingsPart!.Settings!.GetFirstChild<W.UpdateFieldsOnOpen>()?.Val?.Value, $"{what}: updateFields");
        Assert.Contains(main.FooterParts.SelectMany(f => f.Footer!.Descendants<W.SimpleField>()), f => f.Instruction!.Value!.Contains("PAGE", StringComparison.Ordinal));
        var tables = body.Descendants<W.Table>().ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t =>
        {
            Assert.NotNull(t.GetFirstChild<W.TableGrid>());
            Assert.NotNull(t.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>());
        });
        return doc;
    }

    /// <summary>Right-to-left everywhere: section, paragraphs, tables, runs; sizes and weights set for complex scripts.</summary>
    public static void RightToLeft(WordprocessingDocument doc)
    {
        var body = doc.MainDocumentPart!.Document!.Body!;
        Assert.NotNull(body.GetFirstChild<W.SectionProperties>()!.GetFirstChild<W.BiDi>());
        Assert.All(body.Descendants<W.Paragraph>().Where(p => p.InnerText.Length > 0), p => Assert.NotNull(p.ParagraphProperties?.BiDi));
        Assert.All(body.Descendants<W.Table>(), t => Assert.NotNull(t.GetFirstChild<W.TableProperties>()!.GetFirstChild<W.BiDiVisual>()));
        Assert.All(body.Descendants<W.Run>().Where(r => r.InnerText.Length > 0 && r.Parent is W.Paragraph or W.Hyperlink), r => Assert.NotNull(r.RunProperties?.RightToLeftText));
        var heading = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Single(s => s.StyleId == "Heading1").StyleRunProperties!;
        Assert.NotNull(heading.FontSizeComplexScript);
        Assert.NotNull(heading.BoldComplexScript);
        var defaults = doc.MainDocumentPart.StyleDefinitionsPart.Styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.False(string.IsNullOrEmpty(defaults.RunFonts!.ComplexScript?.Value));
    }

    /// <summary>The native bar charts of the document.</summary>
    public static int BarCharts(WordprocessingDocument doc)
        => doc.MainDocumentPart!.ChartParts.Count(c => c.ChartSpace!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChart>().Any());
}
