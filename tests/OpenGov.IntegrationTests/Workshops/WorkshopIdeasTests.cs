using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Workshops;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Proposals;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Workshops;

/// <summary>Facilitators enter workshop ideas (form or import); they are moderated, credited and counted apart.</summary>
public abstract class WorkshopIdeasTests(OpenGovFactory app)
{
    private async Task<(Guid WorkshopId, Guid CycleId, Guid AxisId, HttpClient Facilitator, string FacilitatorId)> WorkshopAsync(string region = "fes-meknes")
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (client, userId) = await app.SignedInClientAsync(Roles.Facilitator);
        var title = "Atelier " + Guid.NewGuid().ToString("N")[..6];
        var response = await client.SubmitFormAsync("/workshops/new", new Dictionary<string, string>
        {
            ["Input.CycleId"] = cycleId.ToString(), ["Input.Title"] = title, ["Input.Region"] = region,
            ["Input.HeldOn"] = "2026-11-10", ["Input.ParticipantCount"] = "25",
            ["Input.Named[0].Name"] = "Amina Tazi", ["Input.Named[0].Organisation"] = "Association Fès", ["Input.Named[0].Consented"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        return (id, cycleId, axisId, client, userId);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid workshopId, byte[] file, string name)
    {
        var token = await client.TokenAsync($"/workshops/{workshopId}");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", name },
        };
        return await client.PostAsync($"/workshops/{workshopId}?handler=Preview", form);
    }

    private Task<int> IdeasOfAsync(Guid workshopId) => app.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.WorkshopId == workshopId));

    [Fact]
    public async Task Only_the_facilitator_of_a_workshop_or_an_administrator_enters_its_ideas()
    {
        var (workshopId, _, axisId, facilitator, _) = await WorkshopAsync();
        var idea = new Dictionary<string, string> { ["Idea.Title"] = "Idée d'atelier", ["Idea.AxisId"] = axisId.ToString(), ["Idea.Region"] = "fes-meknes" };

        var (citizen, _) = await app.SignedInClientAsync();
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var (otherFacilitator, _) = await app.SignedInClientAsync(Roles.Facilitator);
        foreach (var client in new[] { citizen, moderator })
        {
            Http.AssertForbidden(await client.GetAsync("/workshops"));
            Http.AssertForbidden(await client.GetAsync("/workshops/new"));
            Http.AssertForbidden(await client.GetAsync($"/workshops/{workshopId}"));
            Http.AssertForbidden(await client.PostWithTokenAsync("/account/manage", $"/workshops/{workshopId}?handler=Idea", idea));
        }
        Http.AssertSignInRequired(await app.CreateBrowserlikeClient().GetAsync($"/workshops/{workshopId}"));
        // Another facilitator does not see nor feed this workshop.
        Http.AssertForbidden(await otherFacilitator.GetAsync($"/workshops/{workshopId}"));
        Http.AssertForbidden(await otherFacilitator.PostWithTokenAsync("/workshops", $"/workshops/{workshopId}?handler=Idea", idea));
        Assert.Empty((await otherFacilitator.GetDocumentAsync("/workshops")).QuerySelectorAll($"a[href='/workshops/{workshopId}']"));
        Assert.Equal(0, await IdeasOfAsync(workshopId));

        var ok = await facilitator.SubmitFormAsync($"/workshops/{workshopId}", idea, "[data-testid=idea-form]");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/workshops/{workshopId}", idea, "[data-testid=idea-form]")).StatusCode);
        Assert.Equal(2, await IdeasOfAsync(workshopId));
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.GetAsync($"/workshops/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_participant_is_named_only_with_consent_and_the_form_keeps_the_input()
    {
        var (cycleId, _) = await app.OpenCycleAsync();
        var (client, _) = await app.SignedInClientAsync(Roles.Facilitator);
        var response = await client.SubmitFormAsync("/workshops/new", new Dictionary<string, string>
        {
            ["Input.CycleId"] = cycleId.ToString(), ["Input.Title"] = "Atelier sans consentement", ["Input.Region"] = "oriental",
            ["Input.HeldOn"] = "2026-11-10", ["Input.ParticipantCount"] = "12", ["Input.Named[0].Name"] = "Karim Sans Accord",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Http.Parse(await response.ReadTextAsync());
        Assert.Contains("consentement", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Karim Sans Accord", page.QuerySelector("input[name='Input.Named[0].Name']")!.GetAttribute("value"));
        Assert.Equal("Atelier sans consentement", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Set<Workshop>().AnyAsync(w => w.Title == "Atelier sans consentement")));
    }

    [Fact]
    public async Task Workshop_ideas_are_moderated_credited_to_the_workshop_and_counted_apart()
    {
        var (workshopId, cycleId, axisId, facilitator, _) = await WorkshopAsync("fes-meknes");
        var title = "Budget participatif de quartier " + Guid.NewGuid().ToString("N")[..4];
        await facilitator.SubmitFormAsync($"/workshops/{workshopId}",
            new Dictionary<string, string> { ["Idea.Title"] = title, ["Idea.AxisId"] = axisId.ToString(), ["Idea.Problem"] = "Peu de concertation." },
            "[data-testid=idea-form]");
        var idea = await app.WithDbAsync(db => db.Set<Proposal>().SingleAsync(p => p.WorkshopId == workshopId));
        Assert.Equal(ProposalStatus.Submitted, idea.Status);
        Assert.Equal("fes-meknes", idea.Region); // the workshop's region by default
        var (_, onlineAuthor) = await app.SignedInClientAsync();
        await app.ProposalAsync(cycleId, axisId, onlineAuthor, "Idée en ligne");
        var anonymous = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/proposals/{idea.Id}")).StatusCode);

        await app.WithScopeAsync(sp => sp.GetRequiredService<ProposalModeration>().PublishAsync("moderator", idea.Id));

        var page = await anonymous.GetDocumentAsync($"/proposals/{idea.Id}");
        Assert.Contains("atelier", page.QuerySelector("[data-testid=proposal-author]")!.TextContent, StringComparison.Ordinal);
        var list = await anonymous.GetDocumentAsync($"/proposals?cycle={cycleId}");
        Assert.Single(list.QuerySelectorAll("[data-testid=workshop-badge]"));

        var report = await anonymous.GetDocumentAsync($"/cycles/{cycleId}/report");
        Assert.Equal("1", report.QuerySelector("[data-testid=online-total]")!.TextContent);
        Assert.Equal("1", report.QuerySelector("[data-testid=workshop-total]")!.TextContent);
        Assert.Equal("1", report.QuerySelector("[data-testid=report-channels] tr[data-region=fes-meknes] [data-workshop]")!.TextContent);
        Assert.Equal("1", report.QuerySelector("[data-figure=workshopIdeas]")!.TextContent);
        Assert.Equal("25", report.QuerySelector("[data-figure=workshopParticipants]")!.TextContent);

        var api = JsonDocument.Parse(await (await anonymous.GetAsync($"/api/v1/cycles/{cycleId}/workshops")).ReadTextAsync()).RootElement;
        Assert.Equal(1, api.GetProperty("onlineIdeas").GetInt32());
        Assert.Equal(1, api.GetProperty("workshopIdeas").GetInt32());
        var workshop = api.GetProperty("workshops")[0];
        Assert.Equal(25, workshop.GetProperty("participantCount").GetInt32());
        Assert.Equal("Amina Tazi", workshop.GetProperty("namedParticipants")[0].GetString());
        Assert.Equal(1, workshop.GetProperty("publicIdeas").GetInt32());
        var proposals = await (await anonymous.GetAsync($"/api/v1/proposals?cycleId={cycleId}")).ReadTextAsync();
        Assert.Contains($"\"workshopId\":\"{workshopId}\"", proposals, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/cycles/{Guid.NewGuid()}/workshops")).StatusCode);
    }

    [Fact]
    public async Task An_import_shows_row_errors_first_and_saves_all_rows_or_none()
    {
        var (workshopId, _, _, facilitator, _) = await WorkshopAsync();
        var good = "title;problem;solution;axis;region;expected_impact\r\nIdée A;P;S;axis;;I\r\nIdée B;P;S;AXIS;oriental;I\r\n";
        var bad = good + "Idée C;P;S;inconnu;;I\r\n;P;S;axis;nulle-part;I\r\n";

        var preview = Http.Parse(await (await UploadAsync(facilitator, workshopId, Encoding.UTF8.GetBytes(bad), "idees.csv")).ReadTextAsync());
        var rows = preview.QuerySelectorAll("[data-testid=preview-row]");
        Assert.Equal(4, rows.Length);
        Assert.Contains("Code d'axe inconnu", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("4", rows[2].GetAttribute("data-line"));
        Assert.Contains("Titre manquant", rows[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("Code de région inconnu", rows[3].TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("[data-testid=confirm-form]"));
        Assert.Equal(0, await IdeasOfAsync(workshopId));

        var ready = Http.Parse(await (await UploadAsync(facilitator, workshopId, Encoding.UTF8.GetBytes(good), "idees.csv")).ReadTextAsync());
        Assert.Equal(2, ready.QuerySelectorAll("[data-testid=preview-row]").Length);
        Assert.Equal(0, await IdeasOfAsync(workshopId)); // a preview saves nothing
        var pending = ready.QuerySelector("[data-testid=confirm-form] input[name=rows]")!.GetAttribute("value")!;

        // The confirmation checks the rows again: a row tampered into an invalid one refuses the whole file.
        var tampered = JsonSerializer.Serialize(JsonSerializer.Deserialize<string[][]>(pending)!.Append(["Idée D", "", "", "inconnu", "", ""]).ToArray());
        var refused = await facilitator.PostWithTokenAsync($"/workshops/{workshopId}", $"/workshops/{workshopId}?handler=Import", new Dictionary<string, string> { ["rows"] = tampered });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("rien n'a été enregistré", Http.Parse(await refused.ReadTextAsync()).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await IdeasOfAsync(workshopId));

        var imported = await facilitator.PostWithTokenAsync($"/workshops/{workshopId}", $"/workshops/{workshopId}?handler=Import", new Dictionary<string, string> { ["rows"] = pending });
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var ideas = await app.WithDbAsync(db => db.Set<Proposal>().Where(p => p.WorkshopId == workshopId).OrderBy(p => p.Title).ToListAsync());
        Assert.Equal(["Idée A", "Idée B"], ideas.Select(p => p.Title));
        Assert.All(ideas, p => Assert.Equal(ProposalStatus.Submitted, p.Status));
        Assert.Equal(["fes-meknes", "oriental"], ideas.Select(p => p.Region));

        // The same template as an XLSX file.
        var xlsx = Http.Parse(await (await UploadAsync(facilitator, workshopId, Xlsx(["title", "axis"], ["Idée tableur", "axis"]), "idees.xlsx")).ReadTextAsync());
        Assert.Equal("Idée tableur", xlsx.QuerySelector("[data-testid=preview-row] td:nth-child(2)")!.TextContent);
        Assert.NotNull(xlsx.QuerySelector("[data-testid=confirm-form]"));
        var broken = await UploadAsync(facilitator, workshopId, [0x50, 0x4B, 0x00, 0x01], "broken.xlsx");
        var unreadable = await broken.ReadTextAsync();
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("Fichier illisible", Http.Parse(unreadable).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
    }

    private static byte[] Xlsx(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var part = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var r in rows)
                data.Append(new Row(r.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) })));
            part.Worksheet = new Worksheet(data);
            book.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new Sheet { Id = book.GetIdOfPart(part), SheetId = 1, Name = "Idées" }));
            book.Workbook.Save();
        }
        return stream.ToArray();
    }
}

public sealed class WorkshopIdeasTests_Sqlite(SqliteFactory app) : WorkshopIdeasTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class WorkshopIdeasTests_Postgres(PostgresFactory app) : WorkshopIdeasTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class WorkshopIdeasTests_SqlServer(SqlServerFactory app) : WorkshopIdeasTests(app), IClassFixture<SqlServerFactory>;
