using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Sheets;

namespace OpenGov.IntegrationTests.Reports;

/// <summary>The synthesis report's sheets section and participation figures, from real sheets, comments and a published selection.</summary>
public abstract class SheetsReportTests(OpenGovFactory app)
{
    [Fact]
    public async Task The_report_shows_the_sheets_their_comment_trail_and_the_published_selection()
    {
        var (agencyId, _, editorId) = await app.AgencyWithEditorAsync();
        var cycleId = await app.CycleAsync();
        var (_, commenterId) = await app.SignedInClientAsync();
        var (_, memberId) = await app.SignedInClientAsync();
        var title = "Budget ouvert " + Guid.NewGuid().ToString("N")[..6];
        var (retained, other) = await app.WithScopeAsync(async sp =>
        {
            var editing = sp.GetRequiredService<SheetEditing>();
            var commenting = sp.GetRequiredService<SheetCommenting>();
            var evaluation = sp.GetRequiredService<CommitteeEvaluation>();
            var now = app.Clock.UtcNow;
            var sheet = await editing.CreateAsync(editorId, agencyId, cycleId, SheetsTestKit.Content(title, "Publier les budgets"));
            await editing.PublishAsync(editorId, "Éditeur", sheet, null, now.AddMinutes(-1), now.AddDays(10), []);
            var integrated = await commenting.CommentAsync(commenterId, "Amina", sheet, SheetSections.Problem, "Précisez le périmètre.", null);
            var declined = await commenting.CommentAsync(commenterId, "Amina", sheet, SheetSections.Commitment, "Ajoutez les communes.", null);
            await editing.SaveDraftAsync(editorId, sheet, SheetsTestKit.Content(title, "Publier les budgets", "Former les agents"));
            await editing.PublishAsync(editorId, "Éditeur", sheet, "Périmètre précisé", null, null,
            [
                new CommentDecision(integrated, CommentHandling.Integrated, null),
                new CommentDecision(declined, CommentHandling.NotIntegrated, "Hors compétence de l'organisme."),
            ]);
            await commenting.CommentAsync(commenterId, "Amina", sheet, SheetSections.Problem, "Merci pour la révision.", null);
            var second = await editing.CreateAsync(editorId, agencyId, cycleId, SheetsTestKit.Content("Autre fiche " + title, "Activité"));
            await editing.PublishAsync(editorId, "Éditeur", second, null, now.AddMinutes(-1), now.AddDays(10), []);
            // A draft that was never published stays out of the report.
            await editing.CreateAsync(editorId, agencyId, cycleId, SheetsTestKit.Content("Brouillon secret " + title));

            await evaluation.AddCriterionAsync("admin", true, cycleId, "Impact", 2);
            await evaluation.AddCriterionAsync("admin", true, cycleId, "Faisabilité", 1);
            var criteria = await evaluation.CriteriaAsync(cycleId);
            await evaluation.ScoreAsync(memberId, true, sheet, [new(criteria[0].Id, 4, null), new(criteria[1].Id, 1, null)]);
            await evaluation.ScoreAsync(memberId, true, second, [new(criteria[0].Id, 1, null), new(criteria[1].Id, 1, null)]);
            await evaluation.SelectAsync("admin", true, cycleId, [sheet]);
            return (sheet, second);
        });
        var client = app.CreateBrowserlikeClient();

        // Before the selection is published, the scores stay internal to the committee.
        var before = await client.GetDocumentAsync($"/cycles/{cycleId}/report");
        Assert.All(before.QuerySelectorAll("[data-testid=report-sheet]"), row => Assert.Equal("Pending", row.GetAttribute("data-selection")));
        Assert.All(before.QuerySelectorAll("[data-testid=report-sheet] [data-score]"), cell => Assert.Equal("—", cell.TextContent));

        await app.WithScopeAsync(sp => sp.GetRequiredService<CommitteeEvaluation>().PublishSelectionAsync("admin", true, cycleId, null));

        var html = await client.GetDocumentAsync($"/cycles/{cycleId}/report");
        var rows = html.QuerySelectorAll("[data-testid=report-sheet]");
        Assert.Equal(2, rows.Length);
        Assert.DoesNotContain("Brouillon secret", html.Body!.TextContent, StringComparison.Ordinal);
        var first = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("1", first[0]);
        Assert.Equal(title, first[1]);
        Assert.Equal("2", first[3]); // two versions
        Assert.Equal("3", first[4]); // three comments
        Assert.Contains("Intégré: 1", first[5], StringComparison.Ordinal);
        Assert.Contains("Non intégré", first[5], StringComparison.Ordinal);
        Assert.Contains("En attente de traitement", first[5], StringComparison.Ordinal);
        Assert.Equal("Retenue", first[6]);
        Assert.Equal("3.00", first[7]); // (2×4 + 1×1) / 3
        Assert.Equal("NotRetained", rows[1].GetAttribute("data-selection"));
        var trail = html.QuerySelector("[data-testid=report-sheet-comments]")!;
        Assert.Contains("Hors compétence de l'organisme.", trail.QuerySelector("tr[data-handling=NotIntegrated]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(trail.QuerySelector("tr[data-handling=Integrated]"));
        Assert.NotNull(trail.QuerySelector("tr[data-handling=Open]"));
        Assert.Equal("3", html.QuerySelector("[data-figure=sheetComments]")!.TextContent);
        Assert.Equal("1", html.QuerySelector("[data-figure=sheetCommenters]")!.TextContent);
        Assert.Equal("0", html.QuerySelector("[data-figure=events]")!.TextContent);

        var docx = await client.GetAsync($"/cycles/{cycleId}/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync()))
        using (var word = WordprocessingDocument.Open(stream, false))
        {
            var cells = word.MainDocumentPart!.Document.Body!.Descendants<TableRow>()
                .Select(r => r.Descendants<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Contains(cells, r => r.Count == 8 && r[0] == "1" && r[1] == title && r[3] == "2" && r[4] == "3" && r[6] == "Retenue" && r[7] == "3.00");
            Assert.Contains(cells, r => r.Count == 4 && r[2] == "Non intégré" && r[3] == "Hors compétence de l'organisme.");
            Assert.Contains(cells, r => r.Count == 2 && r[0] == "Commentaires sur les fiches d'engagement" && r[1] == "3");
        }

        // The sheets are a table of their own, in their own file.
        var csv = await (await client.GetAsync($"/cycles/{cycleId}/report-sheets.csv")).ReadTextAsync();
        Assert.Contains($"{retained},{title},", csv, StringComparison.Ordinal);
        Assert.Contains(",2,3,1,0,1,1,Retained,3,1", csv, StringComparison.Ordinal);
        Assert.Contains($"{other},", csv, StringComparison.Ordinal);

        var json = System.Text.Json.JsonDocument.Parse(await (await client.GetAsync($"/cycles/{cycleId}/report.json")).ReadTextAsync());
        var sheets = json.RootElement.GetProperty("sheets");
        Assert.Equal(2, sheets.GetArrayLength());
        Assert.Equal("Retained", sheets[0].GetProperty("selection").GetString());
        Assert.Equal(3, sheets[0].GetProperty("commentTrail").GetArrayLength());
        Assert.DoesNotContain(commenterId, json.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}

public sealed class SheetsReportTests_Sqlite(SqliteFactory app) : SheetsReportTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class SheetsReportTests_Postgres(PostgresFactory app) : SheetsReportTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class SheetsReportTests_SqlServer(SqlServerFactory app) : SheetsReportTests(app), IClassFixture<SqlServerFactory>;
