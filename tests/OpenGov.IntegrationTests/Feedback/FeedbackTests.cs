using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Notifications;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Feedback;

public abstract class FeedbackTests(OpenGovFactory app)
{
    private async Task<Guid> TemplateAsync(HttpClient moderator, Guid cycleId, string name, string state, string text)
    {
        var response = await moderator.SubmitFormAsync($"/cycles/{cycleId}/feedback/templates", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.State"] = state, ["Input.Justification"] = text,
        }, "#template-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(db => db.Set<AnswerTemplate>().Where(t => t.CycleId == cycleId && t.Name == name).Select(t => t.Id).SingleAsync());
    }

    [Fact]
    public async Task Moderators_answer_a_filtered_selection_with_a_template_and_publish_in_batch()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 6, region: i => i < 4 ? "oriental" : "souss-massa");
        var (moderator, moderatorId, _) = await app.SignedInClientAsync(Roles.Moderator);
        var templateId = await TemplateAsync(moderator, cycle.Id, "Hors champ", "OutOfScope", "Cette idée relève d'une **politique sectorielle**.");

        // Apply the template to the unanswered ideas of one region: drafts only, nothing public yet.
        var applied = await moderator.PostWithTokenAsync($"/cycles/{cycle.Id}/feedback/manage",
            $"/cycles/{cycle.Id}/feedback/manage?handler=ApplyTemplate", new Dictionary<string, string>
            {
                ["templateId"] = templateId.ToString(), ["Filter.Region"] = "oriental",
            });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var drafts = await app.WithDbAsync(db => db.Set<ProposalResponse>().Where(r => r.CycleId == cycle.Id).ToListAsync());
        Assert.Equal(4, drafts.Count);
        Assert.All(drafts, d => Assert.False(d.IsPublished));
        Assert.All(drafts, d => Assert.Equal(ResponseState.OutOfScope, d.State));
        var anonymous = app.CreateBrowserlikeClient();
        var before = await anonymous.GetDocumentAsync($"/cycles/{cycle.Id}/feedback");
        Assert.Empty(before.QuerySelectorAll("[data-testid=feedback-state]"));
        Assert.Contains("0 idées sur 6", before.QuerySelector("[data-testid=feedback-coverage]")!.TextContent, StringComparison.Ordinal);

        // Publish three of them in one batch.
        var chosen = cycle.Ideas.Take(3).Select(i => i.Id).ToList();
        var token = (await moderator.GetDocumentAsync($"/cycles/{cycle.Id}/feedback/manage")).QuerySelector("#publish-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        form.AddRange(chosen.Select(id => new KeyValuePair<string, string>("selected", id.ToString())));
        var published = await moderator.PostAsync($"/cycles/{cycle.Id}/feedback/manage?handler=PublishSelected", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        await app.WithDbAsync(async db =>
        {
            var rows = await db.Set<ProposalResponse>().Where(r => r.CycleId == cycle.Id && r.IsPublished).Select(r => r.ProposalId).ToListAsync();
            Assert.Equal(chosen.OrderBy(x => x), rows.OrderBy(x => x));
            var mails = await db.Set<OutboxMessage>().Where(m => m.Category == FeedbackAnswers.PublishedCategory).Select(m => m.RecipientUserId).ToListAsync();
            foreach (var idea in cycle.Ideas.Take(3)) Assert.Single(mails, r => r == idea.AuthorId);
            Assert.DoesNotContain(cycle.Ideas[3].AuthorId, mails);
            var audits = await db.Set<AuditEntry>().CountAsync(a => a.Action == "feedback.published" && a.ActorUserId == moderatorId);
            Assert.Equal(3, audits);
        });

        var after = await anonymous.GetDocumentAsync($"/cycles/{cycle.Id}/feedback");
        Assert.Equal(3, after.QuerySelectorAll("[data-testid=feedback-state]").Length);
        Assert.Contains("3 idées sur 6", after.QuerySelector("[data-testid=feedback-coverage]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector(".feedback-justification strong"));
        var filtered = await anonymous.GetDocumentAsync($"/cycles/{cycle.Id}/feedback?region=souss-massa");
        Assert.Equal(2, filtered.QuerySelectorAll("[data-testid=feedback-item]").Length);
        Assert.Empty(filtered.QuerySelectorAll("[data-testid=feedback-state]"));
        var byState = await anonymous.GetDocumentAsync($"/cycles/{cycle.Id}/feedback?state=OutOfScope");
        Assert.Equal(3, byState.QuerySelectorAll("[data-testid=feedback-item]").Length);

        // Publishing the rest of the drafts matching a filter; already published ones are not notified twice.
        var rest = await moderator.PostWithTokenAsync($"/cycles/{cycle.Id}/feedback/manage", $"/cycles/{cycle.Id}/feedback/manage?handler=PublishAllDrafts",
            new Dictionary<string, string> { ["Filter.Region"] = "oriental" });
        Assert.Equal(HttpStatusCode.Redirect, rest.StatusCode);
        Assert.Equal(4, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Category == FeedbackAnswers.PublishedCategory
            && cycle.Ideas.Select(i => i.AuthorId).Contains(m.RecipientUserId!))));
        var coverage = await app.WithScopeAsync(sp => sp.GetRequiredService<FeedbackAnswers>().CoverageAsync(cycle.Id));
        Assert.Equal(new FeedbackCoverageResult(4, 6), coverage);
    }

    [Fact]
    public async Task One_answer_is_validated_on_the_form_and_its_text_is_rendered_inert()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 1);
        var idea = cycle.Ideas[0];
        var (moderator, _, _) = await app.SignedInClientAsync(Roles.Moderator);
        var url = $"/cycles/{cycle.Id}/feedback/answer/{idea.Id}";

        var merged = await moderator.PostWithTokenAsync(url, url + "?handler=Publish", new Dictionary<string, string>
        {
            ["Input.State"] = "MergedIntoSheet", ["Input.SheetId"] = "", ["Input.Justification"] = "Gardé ce texte",
        });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var doc = Http.Parse(await merged.ReadTextAsync());
        Assert.Contains("Choisissez la fiche", doc.QuerySelector("[data-valmsg-for='Input.SheetId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Gardé ce texte", doc.QuerySelector("textarea")!.TextContent.Trim());

        var empty = await moderator.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.State"] = "Retained", ["Input.Justification"] = "  " }, "main form");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);

        // The sheet is one of the cycle's (the picker offers no other).
        var (agencyId, _, editorId) = await Sheets.SheetsTestKit.AgencyWithEditorAsync(app);
        var sheet = await app.WithScopeAsync(sp => sp.GetRequiredService<OpenGov.Consultation.Sheets.SheetEditing>()
            .CreateAsync(editorId, agencyId, cycle.Id, Sheets.SheetsTestKit.Content("Fiche du cycle")));
        var ok = await moderator.PostWithTokenAsync(url, url + "?handler=Publish", new Dictionary<string, string>
        {
            ["Input.State"] = "MergedIntoSheet", ["Input.SheetId"] = sheet.ToString(),
            ["Input.Justification"] = "<script>alert('x')</script><img src=x onerror=alert(1)> Intégrée.",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await app.CreateBrowserlikeClient().GetAsync($"/cycles/{cycle.Id}/feedback");
        var html = await page.ReadTextAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var item = Http.Parse(html).QuerySelector($"#p-{idea.Id}")!;
        // The payload comes back as text, not as elements.
        Assert.Null(item.QuerySelector(".feedback-justification script, .feedback-justification img, [onerror]"));
        Assert.Contains("<img src=x onerror=alert(1)>", item.QuerySelector(".feedback-justification")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/sheets/{sheet}", item.QuerySelector("a[href^='/sheets/']")!.GetAttribute("href"));
        Assert.Single(await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.RecipientUserId == idea.AuthorId).ToListAsync()));
    }

    [Fact]
    public async Task Only_moderators_answer()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 1);
        var (citizen, _, _) = await app.SignedInClientAsync();
        TestUsers.AssertForbidden(await citizen.GetAsync($"/cycles/{cycle.Id}/feedback/manage"));
        var (moderator, _, _) = await app.SignedInClientAsync(Roles.Moderator);
        var token = (await moderator.GetDocumentAsync($"/cycles/{cycle.Id}/feedback/manage")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // The citizen's own antiforgery token (from a public page) does not help: the handler itself refuses.
        var post = await citizen.PostWithTokenAsync($"/cycles/{cycle.Id}/feedback", $"/cycles/{cycle.Id}/feedback/manage?handler=PublishAllDrafts", new Dictionary<string, string>());
        TestUsers.AssertForbidden(post);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserlikeClient().GetAsync($"/cycles/{cycle.Id}/feedback/templates")).StatusCode);
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/cycles/{Guid.NewGuid()}/feedback/manage")).StatusCode);
    }

    [Fact]
    public async Task The_public_list_is_keyset_paginated()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 30);
        var client = app.CreateBrowserlikeClient();
        var first = await client.GetDocumentAsync($"/cycles/{cycle.Id}/feedback");
        var ids = first.QuerySelectorAll("[data-testid=feedback-item]").Select(e => e.Id).ToList();
        Assert.Equal(FeedbackAnswers.PageSize, ids.Count);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync($"/cycles/{cycle.Id}/feedback" + next);
        var more = second.QuerySelectorAll("[data-testid=feedback-item]").Select(e => e.Id).ToList();
        Assert.Equal(5, more.Count);
        Assert.Empty(ids.Intersect(more));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        var tampered = await client.GetDocumentAsync($"/cycles/{cycle.Id}/feedback?cursor=%%%garbage");
        Assert.Equal(FeedbackAnswers.PageSize, tampered.QuerySelectorAll("[data-testid=feedback-item]").Length);
    }

    [Fact]
    public async Task The_synthesis_report_comes_from_the_data_as_html_docx_csv_and_json()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 5, region: i => i < 3 ? "oriental" : "national",
            type: i => i == 4 ? SubmitterType.Association : SubmitterType.Citizen);
        var (moderator, _, _) = await app.SignedInClientAsync(Roles.Moderator);
        var url = $"/cycles/{cycle.Id}/feedback/answer/{cycle.Ideas[0].Id}";
        await moderator.PostWithTokenAsync(url, url + "?handler=Publish", new Dictionary<string, string>
        {
            ["Input.State"] = "Retained", ["Input.Justification"] = "Retenue dans l'engagement « Budget ouvert ».",
        });
        var client = app.CreateBrowserlikeClient();

        var html = await client.GetDocumentAsync($"/cycles/{cycle.Id}/report");
        Assert.Equal("5", html.QuerySelector("[data-figure=participants]")!.TextContent);
        Assert.Equal("5", html.QuerySelector("[data-figure=ideas]")!.TextContent);
        Assert.Equal("1", html.QuerySelector("[data-figure=comments]")!.TextContent);
        Assert.Equal("1", html.QuerySelector("[data-figure=answered]")!.TextContent);
        Assert.Equal(5, html.QuerySelectorAll("[data-testid=report-idea]").Length);
        Assert.NotNull(html.QuerySelector("link[href^='/css/reports.css']"));

        var docx = await client.GetAsync($"/cycles/{cycle.Id}/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync()))
        using (var word = WordprocessingDocument.Open(stream, false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var text = body.InnerText;
            Assert.Contains("Rapport de synthèse", text, StringComparison.Ordinal);
            var rows = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Contains(rows, r => r.SequenceEqual(["Participants", "5"]));
            Assert.Contains(rows, r => r.SequenceEqual(["Idées publiées", "5"]));
            Assert.Contains(rows, r => r.SequenceEqual(["Oriental", "3", "3"]));
            Assert.Contains(rows, r => r.SequenceEqual(["Association", "1", "1"]));
            Assert.Contains(rows, r => r.Count == 6 && r[0] == cycle.Ideas[0].Title && r[4] == "Retenue");
        }

        var csv = await (await client.GetAsync($"/cycles/{cycle.Id}/report.csv")).ReadTextAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("id,title,author", lines[0], StringComparison.Ordinal);

        var json = System.Text.Json.JsonDocument.Parse(await (await client.GetAsync($"/cycles/{cycle.Id}/report.json")).ReadTextAsync());
        Assert.Equal(5, json.RootElement.GetProperty("ideas").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("ideasWithResponses").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cycles/{Guid.NewGuid()}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cycles/{cycle.Id}/report.exe")).StatusCode);
    }

    [Fact]
    public async Task Users_follow_and_unfollow_through_the_shared_button()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 1);
        var (client, userId, _) = await app.SignedInClientAsync();
        var follow = await client.PostWithTokenAsync("/account/notifications", "/follow", new Dictionary<string, string>
        {
            ["target"] = "Cycle", ["targetId"] = cycle.Id.ToString(), ["follow"] = "true", ["returnUrl"] = $"/cycles/{cycle.Id}/feedback",
        });
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.Equal($"/cycles/{cycle.Id}/feedback", follow.Headers.Location!.OriginalString);
        var followers = await app.WithScopeAsync(sp => sp.GetRequiredService<OpenGov.Consultation.Follows.Followers>()
            .FollowerIdsAsync(OpenGov.Consultation.Follows.FollowTarget.Cycle, cycle.Id));
        Assert.Contains(userId, followers);
        var away = await client.PostWithTokenAsync("/account/notifications", "/follow", new Dictionary<string, string>
        {
            ["target"] = "Cycle", ["targetId"] = cycle.Id.ToString(), ["follow"] = "false", ["returnUrl"] = "https://evil.example/",
        });
        Assert.Equal("/", away.Headers.Location!.OriginalString);
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<OpenGov.Consultation.Follows.Followers>()
            .FollowerIdsAsync(OpenGov.Consultation.Follows.FollowTarget.Cycle, cycle.Id)));
    }
}

public sealed class FeedbackTests_Sqlite(NotificationsSqliteFactory app) : FeedbackTests(app), IClassFixture<NotificationsSqliteFactory>;

[Trait("db", "postgres")]
public sealed class FeedbackTests_Postgres(NotificationsPostgresFactory app) : FeedbackTests(app), IClassFixture<NotificationsPostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class FeedbackTests_SqlServer(NotificationsSqlServerFactory app) : FeedbackTests(app), IClassFixture<NotificationsSqlServerFactory>;
