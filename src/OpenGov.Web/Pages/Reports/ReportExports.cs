using OpenGov.SharedKernel.Csv;
using OpenGov.SharedKernel.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OpenGov.Consultation.Reports;

namespace OpenGov.Web.Pages.Reports;

/// <summary>The synthesis report as DOCX (OpenXml), CSV (one row per idea) and JSON (the whole data).</summary>
public static class ReportExports
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] ToJson(SynthesisReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Json);

    public static Task<byte[]> ToCsvAsync(SynthesisReport report, ReportLabels l) => CsvTable.ToBytesAsync(async csv =>
    {
        await csv.RowAsync(["id", "title", "author", "submitter_type", "axis", "region", "supports", "comments", "response_state", "response_label", "sheet_id", "justification"]);
        foreach (var i in report.IdeasWithResponses)
            await csv.RowAsync([i.Id, i.Title, i.Author, i.SubmitterType, i.Axis, i.Region, i.Supports, i.Comments, i.State?.ToString() ?? "", l.State(i.State), i.SheetId, i.Justification]);
        // The sheets section follows as a second table (blank line, own header), so the ideas table stays one rectangle.
        if (report.Sheets.Count == 0) return;
        await csv.BlankLineAsync();
        await csv.RowAsync(["sheet_id", "sheet_title", "agency", "versions", "comments", "integrated", "partly_integrated", "not_integrated", "open",
            "selection", "weighted_score", "rank"]);
        int Count(ReportSheet s, string key) => s.CommentOutcomes.FirstOrDefault(o => o.Key == key)?.Count ?? 0;
        foreach (var s in report.Sheets)
            await csv.RowAsync([s.Id, s.Title, s.Agency, s.Versions, s.Comments, Count(s, "Integrated"), Count(s, "PartlyIntegrated"), Count(s, "NotIntegrated"),
                Count(s, "Open"), s.Selection, s.WeightedScore, s.Rank]);
    });

    /// <summary>"Integrated: 2, Not integrated: 1": the non-zero counts of a sheet's comment handling.</summary>
    public static string Outcomes(ReportSheet sheet, ReportLabels l)
        => string.Join(", ", sheet.CommentOutcomes.Where(o => o.Count > 0).Select(o => $"{l.Handling(o.Key)}: {o.Count.ToString(CultureInfo.InvariantCulture)}"));

    public static byte[] ToDocx(SynthesisReport report, ReportLabels l, SiteDates dates, bool rightToLeft)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            void Para(string text, bool bold = false, int size = 22)
            {
                var runProps = new RunProperties(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
                if (bold) runProps.Append(new Bold());
                var p = new Paragraph(new Run(runProps, new Text(UserText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve }));
                if (rightToLeft) p.PrependChild(new ParagraphProperties(new BiDi()));
                body.Append(p);
            }
            void Table(string[] header, IEnumerable<string[]> rows)
            {
                var table = new Table(new TableProperties(
                    new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
                        new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 }),
                    new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
                if (rightToLeft) table.GetFirstChild<TableProperties>()!.Append(new BiDiVisual());
                TableRow Row(string[] cells, bool head) => new(cells.Select(c => new TableCell(new Paragraph(
                    new Run(head ? new RunProperties(new Bold()) : new RunProperties(), new Text(UserText.ForXml(c)) { Space = SpaceProcessingModeValues.Preserve })))));
                table.Append(Row(header, true));
                foreach (var r in rows) table.Append(Row(r, false));
                body.Append(table);
                body.Append(new Paragraph());
            }
            string N(int n) => n.ToString(CultureInfo.InvariantCulture);

            Para(l["Title"], bold: true, size: 36);
            Para(report.CycleTitle, bold: true, size: 28);
            Para(l.Format("Generated", dates.DateAndTimeInZone(report.GeneratedAt)));
            Para(l["Figures"], bold: true, size: 28);
            var figures = new List<string[]>
            {
                new[] { l["Participants"], N(report.Participants) },
                new[] { l["Ideas"], N(report.Ideas) },
                new[] { l["Comments"], N(report.Comments) },
                new[] { l["Supports"], N(report.Supports) },
                new[] { l["Answered"], N(report.Answered) },
            };
            figures.AddRange(report.OtherFigures.Select(f => new[] { l.Figure(f.Key), N(f.Count) }));
            Table([l["Column.Label"], l["Column.Count"]], figures);
            Para(l["ByAxis"], bold: true, size: 26);
            Table([l["Column.Axis"], l["Column.Ideas"], l["Column.Participants"]], report.ByAxis.Select(b => new[] { b.Label, N(b.Ideas), N(b.Participants) }));
            Para(l["ByRegion"], bold: true, size: 26);
            Table([l["Column.Region"], l["Column.Ideas"], l["Column.Participants"]], report.ByRegion.Select(b => new[] { l.Region(b.Key), N(b.Ideas), N(b.Participants) }));
            Para(l["BySubmitterType"], bold: true, size: 26);
            Table([l["Column.Label"], l["Column.Ideas"], l["Column.Participants"]], report.BySubmitterType.Select(b => new[] { l.Submitter(b.Key), N(b.Ideas), N(b.Participants) }));
            Para(l["Responses"], bold: true, size: 26);
            Table([l["Column.Response"], l["Column.Count"]], report.ResponsesByState.Select(s => new[] { l.StateKey(s.Key), N(s.Count) }));
            Para(l["IdeasAndResponses"], bold: true, size: 28);
            Table([l["Column.Idea"], l["Column.Author"], l["Column.Axis"], l["Column.Region"], l["Column.Response"], l["Column.Justification"]],
                report.IdeasWithResponses.Select(i => new[] { i.Title, i.Author, i.Axis, l.Region(i.Region), l.State(i.State), i.Justification ?? "" }));
            Para(l["Sheets"], bold: true, size: 28);
            if (report.Sheets.Count == 0) Para(l["NoSheets"]);
            else
            {
                Table([l["Column.Rank"], l["Column.Sheet"], l["Column.Agency"], l["Column.Versions"], l["Column.Comments"], l["Column.Handling"], l["Selection"], l["Column.Score"]],
                    report.Sheets.Select(s => new[] { s.Rank is { } rank ? N(rank) : "—", s.Title, s.Agency, N(s.Versions), N(s.Comments), Outcomes(s, l),
                        l.Selection(s.Selection), l.Score(s.WeightedScore) }));
                foreach (var s in report.Sheets.Where(s => s.CommentTrail.Count > 0))
                {
                    Para($"{l["CommentTrail"]} — {s.Title}", bold: true, size: 24);
                    Table([l["Column.Section"], l["Column.Author"], l["Column.Handling"], l["Column.Reason"]],
                        s.CommentTrail.Select(c => new[] { c.Section, c.Author, l.Handling(c.Handling), c.Reason ?? "" }));
                }
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }
}
