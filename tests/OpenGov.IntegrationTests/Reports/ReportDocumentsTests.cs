using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Reports;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Feedback;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.SharedKernel.Jobs;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace OpenGov.IntegrationTests.Reports;

/// <summary>
/// The synthesis report's files: Word documents that pass the Open XML validator in each language (with charts, styles, a table
/// of contents and right-to-left Arabic), the participants the cycle page counts, one table per CSV file, and the background
/// exports of large cycles (progress, download, expiry).
/// </summary>
public abstract class ReportDocumentsTests(OpenGovFactory app)
{
    /// <summary>A cycle with ideas (one answered, one titled like a formula), a supporter and a commenter who wrote no idea,
    /// and a published sheet with comments on a field and on an activity.</summary>
    private async Task<(SeededCycle Cycle, string SheetTitle, string Activity)> RichCycleAsync()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 4, region: i => i < 2 ? "oriental" : "national",
            type: i => i == 3 ? SubmitterType.Association : SubmitterType.Citizen);
        var (moderator, _, _) = await app.SignedInClientAsync(Roles.Moderator);
        var url = $"/cycles/{cycle.Id}/feedback/answer/{cycle.Ideas[0].Id}";
        await moderator.PostWithTokenAsync(url, url + "?handler=Publish", new Dictionary<string, string>
        {
            ["Input.State"] = "Retained", ["Input.Justification"] = "=HYPERLINK(\"http://x\") retenue.",
        });
        var supporter = await app.CreateUserAsync($"s-{Guid.NewGuid():N}"[..14] + "@test.ma");
        var commenter = await app.CreateUserAsync($"c-{Guid.NewGuid():N}"[..14] + "@test.ma");
        var (agencyId, _, editorId) = await app.AgencyWithEditorAsync();
        var title = "Fiche " + Guid.NewGuid().ToString("N")[..6];
        var activity = "Former les agents " + Guid.NewGuid().ToString("N")[..4];
        await app.WithScopeAsync(async sp =>
        {
            var engagement = sp.GetRequiredService<ProposalEngagement>();
            await engagement.SupportAsync(supporter, cycle.Ideas[1].Id);
            await engagement.CommentAsync(new Actor(commenter, "Karim"), cycle.Ideas[2].Id, null, "Bonne idée.");
            var editing = sp.GetRequiredService<SheetEditing>();
            var commenting = sp.GetRequiredService<SheetCommenting>();
            var content = SheetsTestKit.Content(title, activity);
            var sheet = await editing.CreateAsync(editorId, agencyId, cycle.Id, content);
            var now = app.Clock.UtcNow;
            await editing.PublishAsync(editorId, "Éditeur", sheet, null, now.AddMinutes(-1), now.AddDays(10), []);
            await commenting.CommentAsync(commenter, "Karim", sheet, SheetSections.Problem, "Précisez.", null);
            await commenting.CommentAsync(commenter, "Karim", sheet, SheetSections.Activity(content.Activities[0].Id), "Combien d'agents ?", null);
            return 0;
        });
        return (cycle, title, activity);
    }

    [Fact]
    public async Task The_synthesis_report_passes_the_validator_in_french_arabic_and_english_with_charts_and_labels()
    {
        var (cycle, sheetTitle, activity) = await RichCycleAsync();
        var client = app.CreateBrowserlikeClient();
        foreach (var language in new[] { "fr", "ar", "en" })
        {
            var response = await client.GetAsync($"/cycles/{cycle.Id}/report.docx?culture={language}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var doc = WordAssert.Valid(await response.Content.ReadAsByteArrayAsync(), $"synthesis ({language})");
            Assert.Equal(4, WordAssert.BarCharts(doc)); // by axis, region, submitter type, response
            var body = doc.MainDocumentPart!.Document!.Body!;
            Assert.Contains(body.Descendants<W.Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Title");
            Assert.Contains(body.Descendants<W.Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1");
            // Static entries of the table of contents, linked to the headings' bookmarks.
            Assert.Contains(body.Descendants<W.Hyperlink>(), h => h.Anchor?.Value?.StartsWith("_Toc", StringComparison.Ordinal) == true);
            var rows = body.Descendants<W.TableRow>().Select(r => r.Descendants<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            // Sections by their label, activities by their title: never "problem" or "activity:{id}".
            Assert.DoesNotContain(rows, r => r.Any(c => c == "problem" || c.StartsWith("activity:", StringComparison.Ordinal)));
            Assert.Contains(rows, r => r.Count == 4 && r[0].Contains(activity, StringComparison.Ordinal));
            if (language == "ar") WordAssert.RightToLeft(doc);
            if (language == "fr")
            {
                Assert.Contains(rows, r => r.Count == 4 && r[0] == "Problème à résoudre");
                Assert.Contains(rows, r => r.Count == 4 && r[0] == $"Activité : {activity}");
            }
        }
        var html = await client.GetDocumentAsync($"/cycles/{cycle.Id}/report");
        var trail = html.QuerySelector("[data-testid=report-sheet-comments]")!.TextContent;
        Assert.Contains("Problème à résoudre", trail, StringComparison.Ordinal);
        Assert.Contains(activity, trail, StringComparison.Ordinal);
        Assert.DoesNotContain("activity:", trail, StringComparison.Ordinal);
        Assert.Contains(sheetTitle, html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_docx_holds_the_standards_checklist_of_the_report_page_in_each_language()
    {
        var (cycle, _, _) = await RichCycleAsync();
        var client = app.CreateBrowserlikeClient();
        foreach (var language in new[] { "fr", "ar", "en" })
        {
            // The page's section: each requirement with its status, in this language.
            var html = await client.GetDocumentAsync($"/cycles/{cycle.Id}/report?culture={language}");
            var section = html.QuerySelector("[data-testid=report-standards]")!;
            var expected = section.QuerySelectorAll("[data-standard]")
                .Select(li => (Requirement: li.QuerySelector("strong")!.TextContent.Trim(), Status: li.QuerySelector(".badge")!.TextContent.Trim(),
                    Evidence: li.QuerySelectorAll("a[data-evidence]").Select(a => a.TextContent.Trim()).ToList()))
                .ToList();
            Assert.Equal(7, expected.Count);

            var response = await client.GetAsync($"/cycles/{cycle.Id}/report.docx?culture={language}");
            using var doc = WordAssert.Valid(await response.Content.ReadAsByteArrayAsync(), $"synthesis with standards ({language})");
            var body = doc.MainDocumentPart!.Document!.Body!;
            var heading = section.QuerySelector("h2")!.TextContent.Trim();
            Assert.Contains(body.Descendants<W.Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1" && p.InnerText == heading);
            var table = body.Descendants<W.Table>().Single(t => t.Descendants<W.TableRow>().Skip(1)
                .Any(r => r.Descendants<W.TableCell>().First().InnerText == expected[0].Requirement));
            var rows = table.Descendants<W.TableRow>().Select(r => r.Descendants<W.TableCell>().ToList()).ToList();
            Assert.Equal(4, rows[0].Count); // requirement, status, evidence, date checked
            Assert.NotNull(rows[0][0].Ancestors<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>());
            Assert.Equal(expected.Count, rows.Count - 1);
            var checkedAt = rows[1][3].InnerText;
            Assert.False(string.IsNullOrWhiteSpace(checkedAt));
            Assert.Contains(checkedAt, section.QuerySelector("[data-testid=standards-checked]")!.TextContent, StringComparison.Ordinal);
            foreach (var (want, row) in expected.Zip(rows.Skip(1)))
            {
                Assert.Equal(want.Requirement, row[0].InnerText);
                Assert.Equal(want.Status, row[1].InnerText);
                Assert.All(want.Evidence, e => Assert.Contains(e, row[2].InnerText, StringComparison.Ordinal));
                Assert.Equal(checkedAt, row[3].InnerText);
            }
            if (language == "ar") WordAssert.RightToLeft(doc);
        }
    }

    [Fact]
    public async Task Participants_are_the_people_the_cycle_page_counts()
    {
        var (cycle, _, _) = await RichCycleAsync();
        var client = app.CreateBrowserlikeClient();
        var expected = await app.WithScopeAsync(sp => sp.GetRequiredService<CycleOverview>().ParticipantsAsync(cycle.Id));
        Assert.Equal(6, expected); // 4 authors, a supporter, a commenter
        var page = await client.GetDocumentAsync($"/cycles/{cycle.Id}");
        Assert.Contains(page.QuerySelectorAll("dd"), dd => dd.TextContent.Trim() == "6");
        var report = await client.GetDocumentAsync($"/cycles/{cycle.Id}/report");
        Assert.Equal("6", report.QuerySelector("[data-figure=participants]")!.TextContent);
    }

    [Fact]
    public async Task Each_csv_file_holds_one_table_with_a_bom_crlf_and_defused_formulas()
    {
        var (cycle, sheetTitle, _) = await RichCycleAsync();
        var client = app.CreateBrowserlikeClient();
        async Task<string[]> Lines(string file)
        {
            var response = await client.GetAsync($"/cycles/{cycle.Id}/{file}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var text = Encoding.UTF8.GetString(bytes[3..]);
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\r\n\r\n", text, StringComparison.Ordinal); // no blank line between two tables
            return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }
        var ideas = await Lines("report.csv");
        Assert.Equal("id,title,author,submitter_type,axis,region,supports,comments,response_state,response_label,sheet_id,justification", ideas[0]);
        Assert.Equal(5, ideas.Length);
        Assert.Contains(ideas, l => l.Contains("'=HYPERLINK", StringComparison.Ordinal));
        var sheets = await Lines("report-sheets.csv");
        Assert.Equal("id,title,lead_agency,versions,comments,integrated,partly_integrated,not_integrated,open,selection,weighted_score,rank", sheets[0]);
        Assert.Equal(2, sheets.Length);
        Assert.Contains($",{sheetTitle},", sheets[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cycles/{cycle.Id}/report-sheets.exe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cycles/{cycle.Id}/other.csv")).StatusCode);
    }

    [Fact]
    public async Task Large_cycles_export_in_the_background_with_progress_a_download_link_and_expiry()
    {
        var (cycle, _, _) = await RichCycleAsync();
        var (other, _, _) = await RichCycleAsync();
        var options = app.Services.GetRequiredService<IOptions<ReportExportOptions>>().Value;
        var threshold = options.BackgroundThreshold;
        var start = app.Clock.GetUtcNow();
        try
        {
            // Small: computed in the request.
            var client = app.CreateBrowserlikeClient();
            var small = await client.GetAsync($"/cycles/{cycle.Id}/report.docx");
            Assert.Equal(HttpStatusCode.OK, small.StatusCode);

            options.BackgroundThreshold = 3; // the cycle has 4 public ideas
            var large = await client.GetAsync($"/cycles/{cycle.Id}/report.docx?culture=ar");
            Assert.Equal(HttpStatusCode.Redirect, large.StatusCode);
            var exportUrl = large.Headers.Location!.OriginalString;
            Assert.StartsWith($"/cycles/{cycle.Id}/report/exports/", exportUrl, StringComparison.Ordinal);
            var exportId = Guid.Parse(exportUrl.Split('/')[^1]);
            // A second request reuses the export instead of computing another.
            Assert.Equal(exportUrl, (await client.GetAsync($"/cycles/{cycle.Id}/report.docx?culture=ar")).Headers.Location!.OriginalString);

            var html = await client.GetDocumentAsync($"/cycles/{cycle.Id}/report");
            Assert.NotNull(html.QuerySelector("[data-testid=report-large]"));

            // Progress while a job runs (an export not handed to the job server, moved on by hand).
            var running = await app.WithScopeAsync(async sp =>
            {
                var exports = sp.GetRequiredService<ReportExports>();
                var (id, _) = await exports.RequestAsync(cycle.Id, "report.json", "fr");
                var export = (await exports.PendingAsync(id))!;
                await exports.ProgressAsync(export, 50);
                return id;
            });
            var runningUrl = $"/cycles/{cycle.Id}/report/exports/{running}";
            Assert.Equal("3", (await client.GetAsync(runningUrl)).Headers.GetValues("Refresh").Single());
            var runningPage = await client.GetDocumentAsync(runningUrl);
            Assert.Equal("Running", runningPage.QuerySelector("[data-testid=report-export]")!.GetAttribute("data-status"));
            Assert.Equal("50", runningPage.QuerySelector("progress")!.GetAttribute("value"));
            Assert.Null(runningPage.QuerySelector("[data-testid=export-download]"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(runningUrl + "?handler=file")).StatusCode);

            // The job server of this instance may already have run the export; running it again is a no-op.
            await app.WithScopeAsync(async sp => { await sp.GetRequiredService<ReportExportJob>().RunAsync(exportId, default); return 0; });

            var anonymous = app.CreateBrowserlikeClient();
            var ready = await anonymous.GetDocumentAsync(exportUrl);
            Assert.Equal("Ready", ready.QuerySelector("[data-testid=report-export]")!.GetAttribute("data-status"));
            var link = ready.QuerySelector("[data-testid=export-download]")!.GetAttribute("href")!;
            var file = await anonymous.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(SynthesisExports.DocxType, file.Content.Headers.ContentType!.MediaType);
            using (var doc = WordAssert.Valid(await file.Content.ReadAsByteArrayAsync(), "background synthesis (ar)"))
                WordAssert.RightToLeft(doc); // written in the requester's language

            // An export is only found under its own cycle.
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cycles/{other.Id}/report/exports/{exportId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cycles/{other.Id}/report/exports/{exportId}?handler=file")).StatusCode);

            // The CSV of a large cycle goes the same way.
            var csv = await client.GetAsync($"/cycles/{cycle.Id}/report-sheets.csv");
            Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);

            // Kept for the retention, then gone.
            app.Clock.Advance(options.Retention + TimeSpan.FromMinutes(1));
            var expired = await anonymous.GetDocumentAsync(exportUrl);
            Assert.Equal("Expired", expired.QuerySelector("[data-testid=report-export]")!.GetAttribute("data-status"));
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link)).StatusCode);
            await app.WithScopeAsync(async sp =>
            {
                await sp.GetServices<IRecurringJob>().Single(j => j.Name == "report-exports-purge").RunAsync(app.Clock.UtcNow, default);
                return 0;
            });
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(exportUrl)).StatusCode);
        }
        finally
        {
            options.BackgroundThreshold = threshold;
            app.Clock.Set(start);
        }
    }
}

public sealed class ReportDocumentsTests_Sqlite(SqliteFactory app) : ReportDocumentsTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class ReportDocumentsTests_Postgres(PostgresFactory app) : ReportDocumentsTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class ReportDocumentsTests_SqlServer(SqlServerFactory app) : ReportDocumentsTests(app), IClassFixture<SqlServerFactory>;
