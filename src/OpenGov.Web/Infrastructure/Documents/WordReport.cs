using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Web.Infrastructure.Documents;

/// <summary>
/// The one writer of the Word reports (synthesis of a cycle, self-assessment of a plan): a real styles part (Title, Heading 1–3,
/// a table style, TOC heading), a table of contents field Word refreshes on opening (its entries also written statically),
/// page numbers in a footer, tables with a grid and a repeating header row, native bar charts beside their tables, and in
/// Arabic right-to-left sections, paragraphs, tables and complex-script size, weight and font. Output passes OpenXmlValidator.
/// </summary>
public sealed class WordReport
{
    private readonly bool _rtl;
    private readonly MainDocumentPart _main;
    private readonly Body _body = new();
    private readonly List<(int Level, string Text, string Bookmark)> _headings = [];
    private SdtBlock? _toc;
    private string? _tocTitle;
    private int _ids;

    private WordReport(MainDocumentPart main, bool rtl)
    {
        _main = main;
        _rtl = rtl;
    }

    /// <summary>Builds a document into bytes; <paramref name="write"/> adds its content in order.</summary>
    public static byte[] Build(bool rightToLeft, string language, Action<WordReport> write)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles.Create(rightToLeft, language);
            // Word recomputes fields (the table of contents, page numbers) on opening.
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
            var report = new WordReport(main, rightToLeft);
            write(report);
            report.Finish();
        }
        return stream.ToArray();
    }

    public void Title(string text) => _body.Append(Paragraph(text, "Title"));
    public void Subtitle(string text) => _body.Append(Paragraph(text, "Subtitle"));
    public void Text(string text) => _body.Append(Paragraph(text, null));
    public void Strong(string text) => _body.Append(Paragraph(text, "Strong"));
    public void Bullet(string text) => _body.Append(Paragraph("• " + text, null));

    /// <summary>Each non-empty line of a multi-line text as its own paragraph.</summary>
    public void Lines(string? text)
    {
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Text(line);
    }

    /// <summary>A heading (level 1–3) with a bookmark the table of contents links to.</summary>
    public void Heading(int level, string text)
    {
        var bookmark = "_Toc" + (++_ids).ToString(CultureInfo.InvariantCulture);
        var p = Paragraph(text, "Heading" + Math.Clamp(level, 1, 3).ToString(CultureInfo.InvariantCulture));
        var id = _ids.ToString(CultureInfo.InvariantCulture);
        p.InsertAfter(new BookmarkStart { Id = id, Name = bookmark }, p.ParagraphProperties);
        p.Append(new BookmarkEnd { Id = id });
        _headings.Add((level, text, bookmark));
        _body.Append(p);
    }

    /// <summary>The place of the table of contents; filled with the headings when the document is finished.</summary>
    public void TableOfContents(string title)
    {
        _tocTitle = title;
        _toc = new SdtBlock(new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
            new SdtContentBlock());
        _body.Append(_toc);
    }

    /// <summary>A table with a grid, a header row repeated on each page, in the report's table style.</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var widths = ColumnWidths(header.Count);
        var props = new TableProperties(new TableStyle { Val = "ReportTable" });
        if (_rtl) props.Append(new BiDiVisual());
        props.Append(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" });
        props.Append(new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true });
        var table = new Table(props, new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(header, header: true));
        foreach (var r in rows) table.Append(Row(r, header: false));
        _body.Append(table);
        _body.Append(new Paragraph());
    }

    /// <summary>A native Word bar chart of one series (its data is also in the table beside it).</summary>
    public void BarChart(string title, string series, IReadOnlyList<(string Label, double Value)> points)
    {
        if (points.Count == 0) return;
        var part = _main.AddNewPart<ChartPart>();
        part.ChartSpace = WordChart.Bar(title, series, points, _rtl);
        var relId = _main.GetIdOfPart(part);
        var id = (uint)(++_ids);
        _body.Append(new Paragraph(ParagraphProps(null), new Run(WordChart.Inline(relId, id, title, Math.Max(2, points.Count)))));
    }

    private void Finish()
    {
        if (_toc is not null)
        {
            var content = _toc.GetFirstChild<SdtContentBlock>()!;
            content.Append(Paragraph(_tocTitle!, "TOCHeading"));
            var entries = _headings.Where(h => h.Level <= 2).ToList();
            for (var i = 0; i < Math.Max(1, entries.Count); i++)
            {
                var p = new Paragraph(ParagraphProps(entries.Count == 0 ? null : "TOC" + entries[i].Level.ToString(CultureInfo.InvariantCulture)));
                // The field spans the entries: begin (dirty, so Word rebuilds it with page numbers) on the first, end on the last.
                if (i == 0)
                {
                    p.Append(FieldRun(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }));
                    p.Append(FieldRun(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }));
                    p.Append(FieldRun(new FieldChar { FieldCharType = FieldCharValues.Separate }));
                }
                if (entries.Count > 0)
                    p.Append(new Hyperlink(Run(entries[i].Text)) { Anchor = entries[i].Bookmark, History = true });
                if (i == Math.Max(1, entries.Count) - 1) p.Append(FieldRun(new FieldChar { FieldCharType = FieldCharValues.End }));
                content.Append(p);
            }
        }
        var footer = _main.AddNewPart<FooterPart>();
        var footerProps = ParagraphProps("Footer");
        footerProps.Justification = new Justification { Val = JustificationValues.Center };
        footer.Footer = new Footer(new Paragraph(footerProps, new SimpleField(Run("1")) { Instruction = " PAGE " }));
        var section = new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = _main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1417, Right = 1417, Bottom = 1417, Left = 1417, Header = 708, Footer = 708, Gutter = 0 });
        if (_rtl) section.Append(new BiDi());
        _body.Append(section);
        _main.Document = new Document(_body);
        _main.Document.Save();
    }

    /// <summary>Columns share the text width (A4 minus margins, 9,072 twentieths of a point).</summary>
    private static int[] ColumnWidths(int count) => Enumerable.Repeat(9072 / Math.Max(1, count), Math.Max(1, count)).ToArray();

    private TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Count; i++)
        {
            var run = CellRun(cells[i]);
            if (header)
            {
                run.RunProperties!.Bold = new Bold();
                run.RunProperties.BoldComplexScript = new BoldComplexScript();
            }
            // Column widths come from the grid: no per-cell width (a 20,000-row table would carry 120,000 of them).
            row.Append(new TableCell(new Paragraph(ParagraphProps(null), run)));
        }
        return row;
    }

    private Run FieldRun(OpenXmlElement part)
    {
        var run = Run("");
        run.RemoveAllChildren<Text>();
        run.Append(part);
        return run;
    }

    private Paragraph Paragraph(string text, string? style) => new(ParagraphProps(style), Run(text));

    private ParagraphProperties ParagraphProps(string? style)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.ParagraphStyleId = new ParagraphStyleId { Val = style };
        if (_rtl) props.BiDi = new BiDi();
        return props;
    }

    /// <summary>A cell's text; its line breaks stay breaks (a multi-line cell, e.g. a fact and its evidence).</summary>
    private Run CellRun(string text)
    {
        var lines = text.Split('\n');
        var run = Run(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            run.Append(new Break());
            run.Append(new Text(UserText.ForXml(line)) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    private Run Run(string text)
    {
        var props = new RunProperties();
        if (_rtl) props.RightToLeftText = new RightToLeftText();
        return new Run(props, new Text(UserText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve });
    }
}
