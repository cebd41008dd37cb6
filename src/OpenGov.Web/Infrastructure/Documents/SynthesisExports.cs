using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenGov.Consultation.Reports;
using OpenGov.Consultation.Standards;
using OpenGov.SharedKernel.Csv;

namespace OpenGov.Web.Infrastructure.Documents;

/// <summary>
/// The synthesis report as DOCX (<see cref="WordReport"/>), two CSV tables (ideas, sheets: one table per file) and JSON
/// (the whole data). Used by the download page for small cycles and by the export job for large ones.
/// </summary>
public static class SynthesisExports
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string CsvType = "text/csv; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    /// <summary>The files of a report: name (without the cycle) → content type.</summary>
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["report.docx"] = DocxType, ["report.csv"] = CsvType, ["report-sheets.csv"] = CsvType, ["report.json"] = JsonType,
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="standards">The cycle's OGP standards checklist, a section of the DOCX (as of the report page).</param>
    public static async Task<byte[]> WriteAsync(string file, SynthesisReport report, StandardsChecklist? standards, ReportLabels labels,
        StandardsLabels standardsLabels, SiteDates dates, string language) => file switch
    {
        "report.docx" => ToDocx(report, standards, labels, standardsLabels, dates, language),
        "report.csv" => await IdeasCsvAsync(report, labels),
        "report-sheets.csv" => await SheetsCsvAsync(report, labels),
        "report.json" => JsonSerializer.SerializeToUtf8Bytes(report, Json),
        _ => throw new ArgumentOutOfRangeException(nameof(file)),
    };

    /// <summary>One row per public idea with its response.</summary>
    public static Task<byte[]> IdeasCsvAsync(SynthesisReport report, ReportLabels l) => CsvTable.ToBytesAsync(async csv =>
    {
        await csv.RowAsync(["id", "title", "author", "submitter_type", "axis", "region", "supports", "comments", "response_state", "response_label", "sheet_id", "justification"]);
        foreach (var i in report.IdeasWithResponses)
            await csv.RowAsync([i.Id, i.Title, i.Author, i.SubmitterType, i.Axis, i.Region, i.Supports, i.Comments, i.State?.ToString() ?? "", l.State(i.State), i.SheetId, i.Justification]);
    });

    /// <summary>One row per published commitment sheet: its comments' handling and the selection result.</summary>
    public static Task<byte[]> SheetsCsvAsync(SynthesisReport report, ReportLabels l) => CsvTable.ToBytesAsync(async csv =>
    {
        await csv.RowAsync(["id", "title", "lead_agency", "versions", "comments", "integrated", "partly_integrated", "not_integrated", "open",
            "selection", "weighted_score", "rank"]);
        static int Count(ReportSheet s, string key) => s.CommentOutcomes.FirstOrDefault(o => o.Key == key)?.Count ?? 0;
        foreach (var s in report.Sheets)
            await csv.RowAsync([s.Id, s.Title, s.Agency, s.Versions, s.Comments, Count(s, "Integrated"), Count(s, "PartlyIntegrated"), Count(s, "NotIntegrated"),
                Count(s, "Open"), s.Selection, s.WeightedScore, s.Rank]);
    });

    public static byte[] ToDocx(SynthesisReport report, StandardsChecklist? standards, ReportLabels l, StandardsLabels s, SiteDates dates, string language)
        => WordReport.Build(language == "ar", language, w =>
        {
            static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            static (string, double) P(string label, int n) => (label, n);
            w.Title(l["Title"]);
            w.Subtitle($"{report.CycleTitle} ({N(report.PlanStartYear)}–{N(report.PlanEndYear)})");
            w.Text(l.Format("Generated", dates.DateAndTimeInZone(report.GeneratedAt)));
            w.TableOfContents(l["Contents"]);

            w.Heading(1, l["Figures"]);
            var figures = new List<string[]>
            {
                new[] { l["Participants"], N(report.Participants) },
                new[] { l["Ideas"], N(report.Ideas) },
                new[] { l["Comments"], N(report.Comments) },
                new[] { l["Supports"], N(report.Supports) },
                new[] { l["Answered"], N(report.Answered) },
            };
            figures.AddRange(report.OtherFigures.Select(f => new[] { l.Figure(f.Key), N(f.Count) }));
            w.Table([l["Column.Label"], l["Column.Count"]], figures);

            w.Heading(2, l["ByAxis"]);
            w.Table([l["Column.Axis"], l["Column.Ideas"], l["Column.Participants"]], report.ByAxis.Select(b => new[] { b.Label, N(b.Ideas), N(b.Participants) }));
            w.BarChart(l["ByAxis"], l["Column.Ideas"], report.ByAxis.Select(b => P(b.Label, b.Ideas)).ToList());
            w.Heading(2, l["ByRegion"]);
            w.Table([l["Column.Region"], l["Column.Ideas"], l["Column.Participants"]], report.ByRegion.Select(b => new[] { l.Region(b.Key), N(b.Ideas), N(b.Participants) }));
            w.BarChart(l["ByRegion"], l["Column.Ideas"], report.ByRegion.Select(b => P(l.Region(b.Key), b.Ideas)).ToList());
            w.Heading(2, l["BySubmitterType"]);
            w.Table([l["Column.Label"], l["Column.Ideas"], l["Column.Participants"]], report.BySubmitterType.Select(b => new[] { l.Submitter(b.Key), N(b.Ideas), N(b.Participants) }));
            w.BarChart(l["BySubmitterType"], l["Column.Ideas"], report.BySubmitterType.Select(b => P(l.Submitter(b.Key), b.Ideas)).ToList());
            w.Heading(2, l["Responses"]);
            w.Table([l["Column.Response"], l["Column.Count"]], report.ResponsesByState.Select(s => new[] { l.StateKey(s.Key), N(s.Count) }));
            w.BarChart(l["Responses"], l["Column.Count"], report.ResponsesByState.Select(s => P(l.StateKey(s.Key), s.Count)).ToList());

            if (standards is not null)
            {
                // The same checklist as the report page's section: requirement, status, the facts and their evidence, when checked.
                w.Heading(1, s["Title"]);
                var checkedAt = dates.DateAndTimeInZone(standards.CheckedAt);
                w.Text(s.Format("Summary", standards.Count(StandardStatus.Met), standards.Count(StandardStatus.Partly), standards.Count(StandardStatus.NotMet)));
                w.Table([s["Column.Requirement"], s["Column.Status"], s["Evidence"], s["Column.CheckedAt"]],
                    standards.Checks.Select(c => new[]
                    {
                        s.Requirement(c), s.Status(c.Status),
                        string.Join("\n", new[] { s.Detail(c) }.Concat(StandardsLabels.DistinctEvidence(c).Select(e => "• " + s.Evidence(e)))),
                        checkedAt,
                    }));
                w.Text(s["Thresholds"]);
            }

            w.Heading(1, l["IdeasAndResponses"]);
            if (report.IdeasWithResponses.Count == 0) w.Text(l["Empty"]);
            else
                w.Table([l["Column.Idea"], l["Column.Author"], l["Column.Axis"], l["Column.Region"], l["Column.Response"], l["Column.Justification"]],
                    report.IdeasWithResponses.Select(i => new[] { i.Title, i.Author, i.Axis, l.Region(i.Region), l.State(i.State), i.Justification ?? "" }));

            w.Heading(1, l["Sheets"]);
            if (report.Sheets.Count == 0)
            {
                w.Text(l["NoSheets"]);
                return;
            }
            w.Table([l["Column.Rank"], l["Column.Sheet"], l["Column.Agency"], l["Column.Versions"], l["Column.Comments"], l["Column.Handling"], l["Selection"], l["Column.Score"]],
                report.Sheets.Select(s => new[] { s.Rank is { } rank ? N(rank) : "—", s.Title, s.Agency, N(s.Versions), N(s.Comments), l.Outcomes(s),
                    l.Selection(s.Selection), l.Score(s.WeightedScore) }));
            foreach (var s in report.Sheets.Where(s => s.CommentTrail.Count > 0))
            {
                w.Heading(2, $"{l["CommentTrail"]} — {s.Title}");
                w.Table([l["Column.Section"], l["Column.Author"], l["Column.Handling"], l["Column.Reason"]],
                    s.CommentTrail.Select(c => new[] { l.Section(c), c.Author, l.Handling(c.Handling), c.Reason ?? "" }));
            }
        });
}
