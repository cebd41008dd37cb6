using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Numbers;
using OpenGov.Tracking.Plans;

namespace OpenGov.Web.Infrastructure.Tracking;

/// <summary>
/// Writes the self-assessment report as a Word document, in the order of the 2018-2020 report: context, the plan by axis,
/// the tracking system, rates (overall, by axis, by commitment), then per commitment its lead agency, problem, activities
/// with level and actions, communication actions, results and next steps. Text goes in as plain runs (never markup).
/// </summary>
public sealed class PlanReportDocx(SiteDates dates)
{
    public byte[] Write(PlanReport report, IStringLocalizer<PlanText> t, string culture)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            var rtl = culture == "ar";
            var p = report.Progress;
            var file = report.Plan;

            body.Append(Para(t["Report.Title"], "Title", rtl));
            body.Append(Para(file.Title, "Subtitle", rtl));

            body.Append(Para(t["Report.Context"], "Heading1", rtl));
            foreach (var line in Lines(file.Context)) body.Append(Para(line, null, rtl));

            body.Append(Para(t["Report.PlanByAxis"], "Heading1", rtl));
            foreach (var axis in p.Axes)
            {
                body.Append(Para(axis.Name(culture), "Heading2", rtl));
                foreach (var c in p.Commitments.Where(c => c.AxisId == axis.Id))
                    body.Append(Para($"{t["Commitment"]} {c.Number} : {c.Title}", null, rtl));
            }

            body.Append(Para(t["Report.TrackingSystem"], "Heading1", rtl));
            foreach (var line in Lines(file.TrackingSystem)) body.Append(Para(line, null, rtl));
            body.Append(Para(t["Rules.Text"], null, rtl));

            body.Append(Para(t["Report.Rates"], "Heading1", rtl));
            body.Append(Para($"{t["Overall"]} : {Pct(p.Overall)}", "Heading2", rtl));
            body.Append(Para(t["Report.RatesByAxis"], "Heading2", rtl));
            body.Append(Table([t["Axis"], t["Rate"]], p.Axes.Select(a => new[] { a.Name(culture), Pct(a.Rate) })));
            body.Append(Para(t["Report.RatesByCommitment"], "Heading2", rtl));
            body.Append(Table([t["Number"], t["Commitment"], t["Rate"]], p.Commitments.Select(c => new[] { c.Number.ToString(CultureInfo.InvariantCulture), c.Title, Pct(c.Rate) })));

            body.Append(Para(t["Report.Achievements"], "Heading1", rtl));
            foreach (var c in file.Axes.SelectMany(a => a.Commitments))
            {
                body.Append(Para($"{t["Commitment"]} {c.Number} : {c.Title}", "Heading2", rtl));
                body.Append(Para($"{t["Rate"]} : {Pct(c.PublishedRate ?? 0)}", null, rtl));
                Section(body, t["LeadAgency"], c.LeadAgency, rtl);
                Section(body, t["Problem"], c.Problem, rtl);
                Section(body, t["Description"], c.Description, rtl);
                var n = 0;
                foreach (var a in c.Activities)
                {
                    n++;
                    body.Append(Para($"{t["Activity"]} {n} : {a.Title}", "Heading3", rtl));
                    body.Append(Para(a.Cancelled ? $"{t["Cancelled"]} — {a.CancellationReason}"
                        : $"{t["Level"]} : {t["Level." + Progress.LevelOf(a.Progress)]} ({Pct(a.Progress)}) · {t["Weight"]} : {a.Weight.ToString("0.##", CultureInfo.InvariantCulture)}", null, rtl));
                    if (a.Actions.Count > 0)
                    {
                        body.Append(Para(t["ActionsDone"], "Strong", rtl));
                        foreach (var x in a.Actions) body.Append(Para("• " + x, null, rtl));
                    }
                    if (a.NotDone.Count > 0)
                    {
                        body.Append(Para(t["ActionsNotDone"], "Strong", rtl));
                        foreach (var x in a.NotDone) body.Append(Para("• " + x, null, rtl));
                    }
                    if (!string.IsNullOrWhiteSpace(a.Difficulties)) Section(body, t["Difficulties"], a.Difficulties, rtl);
                }
                if (c.CommunicationActions.Count > 0)
                {
                    body.Append(Para(t["CommunicationActions"], "Heading3", rtl));
                    body.Append(Table([t["Comm.Action"], t["Comm.Date"], t["Comm.Audience"], t["Comm.Indicators"]],
                        c.CommunicationActions.Select(x => new[] { x.Action, x.Date is null ? "" : dates.Date(x.Date), x.Audience ?? "", x.Indicators ?? "" })));
                }
                Section(body, t["Results"], c.Results, rtl);
                Section(body, t["HowAddressed"], c.HowAddressed, rtl);
                Section(body, t["NextSteps"], c.NextSteps, rtl);
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static string Pct(double rate) => new Percentage(rate).Display;

    private static IEnumerable<string> Lines(string text)
        => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Section(Body body, string heading, string text, bool rtl)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        body.Append(Para(heading, "Strong", rtl));
        foreach (var line in Lines(text)) body.Append(Para(line, null, rtl));
    }

    private static Paragraph Para(string text, string? style, bool rtl)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
        if (rtl) props.Append(new BiDi());
        var run = new Run(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        if (rtl) run.PrependChild(new RunProperties(new RightToLeftText()));
        return new Paragraph(props, run);
    }

    /// <summary>Removes control characters XML cannot carry (user text may contain them).</summary>
    private static string Clean(string text) => new((text ?? "").Where(ch => ch == '\t' || ch == '\n' || !char.IsControl(ch)).ToArray());

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(headers, header: true));
        foreach (var r in rows) table.Append(Row(r, header: false));
        return table;
    }

    private static TableRow Row(string[] cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var c in cells)
        {
            var run = new Run(new Text(Clean(c)) { Space = SpaceProcessingModeValues.Preserve });
            if (header) run.PrependChild(new RunProperties(new Bold()));
            row.Append(new TableCell(new Paragraph(run)));
        }
        return row;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = new Styles();
        Style Heading(string id, string name, string size, bool bold = true)
        {
            var run = new StyleRunProperties(new FontSize { Val = size }, new Color { Val = "1F3864" });
            if (bold) run.PrependChild(new Bold());
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }), run)
            { Type = StyleValues.Paragraph, StyleId = id };
        }
        styles.Append(new Style(new StyleName { Val = "Normal" }, new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Arial" }, new FontSize { Val = "22" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Append(Heading("Title", "Title", "48"));
        styles.Append(Heading("Subtitle", "Subtitle", "32", bold: false));
        styles.Append(Heading("Heading1", "heading 1", "32"));
        styles.Append(Heading("Heading2", "heading 2", "26"));
        styles.Append(Heading("Heading3", "heading 3", "24"));
        styles.Append(Heading("Strong", "Strong paragraph", "22"));
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }
}
