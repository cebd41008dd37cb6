using DocumentFormat.OpenXml.Wordprocessing;

namespace OpenGov.Web.Infrastructure.Documents;

/// <summary>
/// The styles part of the reports: every size and weight is set for complex scripts too (szCs, bCs) so Arabic headings keep
/// them, with a font that has Arabic glyphs as the complex-script font.
/// </summary>
internal static class WordStyles
{
    private const string Latin = "Calibri";
    private const string ComplexScript = "Arial";
    private const string Accent = "1F3864";

    public static Styles Create(bool rightToLeft, string language)
    {
        var lang = language switch { "ar" => "ar-MA", "en" => "en-GB", _ => "fr-FR" };
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Latin, HighAnsi = Latin, EastAsia = Latin, ComplexScript = ComplexScript },
                new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" },
                new Languages { Val = rightToLeft ? "fr-FR" : lang, Bidi = "ar-MA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(new Style
        {
            Type = StyleValues.Paragraph, StyleId = "Normal", Default = true,
            StyleName = new StyleName { Val = "Normal" }, PrimaryStyle = new PrimaryStyle(),
        });
        styles.Append(Paragraph("Title", "Title", 48, bold: true, spaceAfter: 240, outline: null));
        styles.Append(Paragraph("Subtitle", "Subtitle", 30, bold: false, spaceAfter: 240, outline: null));
        styles.Append(Paragraph("Heading1", "heading 1", 32, bold: true, spaceAfter: 120, outline: 0));
        styles.Append(Paragraph("Heading2", "heading 2", 26, bold: true, spaceAfter: 120, outline: 1));
        styles.Append(Paragraph("Heading3", "heading 3", 24, bold: true, spaceAfter: 80, outline: 2));
        styles.Append(Paragraph("Strong", "Strong paragraph", 22, bold: true, spaceAfter: 60, outline: null));
        var tocHeading = Paragraph("TOCHeading", "TOC Heading", 32, bold: true, spaceAfter: 120, outline: null);
        styles.Append(tocHeading);
        styles.Append(Toc("TOC1", "toc 1", "0"));
        styles.Append(Toc("TOC2", "toc 2", "220"));
        styles.Append(Toc("TOC3", "toc 3", "440"));
        styles.Append(new Style
        {
            Type = StyleValues.Paragraph, StyleId = "Footer",
            StyleName = new StyleName { Val = "footer" }, BasedOn = new BasedOn { Val = "Normal" },
            StyleRunProperties = new StyleRunProperties { FontSize = new FontSize { Val = "18" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "18" } },
        });
        styles.Append(Table());
        return styles;
    }

    private static Style Paragraph(string id, string name, int size, bool bold, int spaceAfter, int? outline)
    {
        var paragraph = new StyleParagraphProperties
        {
            KeepNext = new KeepNext(),
            SpacingBetweenLines = new SpacingBetweenLines { Before = outline is null ? "0" : "240", After = spaceAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        if (outline is { } level) paragraph.OutlineLevel = new OutlineLevel { Val = level };
        var run = new StyleRunProperties
        {
            Color = new Color { Val = Accent },
            FontSize = new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            FontSizeComplexScript = new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        if (bold)
        {
            run.Bold = new Bold();
            run.BoldComplexScript = new BoldComplexScript();
        }
        return new Style
        {
            Type = StyleValues.Paragraph, StyleId = id,
            StyleName = new StyleName { Val = name }, BasedOn = new BasedOn { Val = "Normal" }, NextParagraphStyle = new NextParagraphStyle { Val = "Normal" },
            PrimaryStyle = new PrimaryStyle(), StyleParagraphProperties = paragraph, StyleRunProperties = run,
        };
    }

    private static Style Toc(string id, string name, string indent) => new()
    {
        Type = StyleValues.Paragraph, StyleId = id,
        StyleName = new StyleName { Val = name }, BasedOn = new BasedOn { Val = "Normal" }, NextParagraphStyle = new NextParagraphStyle { Val = "Normal" },
        StyleParagraphProperties = new StyleParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { After = "60" },
            Indentation = new Indentation { Start = indent },
        },
    };

    private static Style Table()
    {
        static BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "8EA9DB" };
        var style = new Style
        {
            Type = StyleValues.Table, StyleId = "ReportTable",
            StyleName = new StyleName { Val = "Report Table" },
            StyleParagraphProperties = new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "0" } },
            StyleTableProperties = new StyleTableProperties(
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                    Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })),
        };
        style.Append(new TableStyleProperties(
            new StyleRunProperties { Bold = new Bold(), BoldComplexScript = new BoldComplexScript() },
            new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" }))
        { Type = TableStyleOverrideValues.FirstRow });
        return style;
    }
}
