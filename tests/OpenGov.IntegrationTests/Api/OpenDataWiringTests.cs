using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Meetings;
using OpenGov.Consultation.Sheets;
using OpenGov.Tracking.Plans;
using OpenGov.IntegrationTests.Feedback;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Api;

/// <summary>The open-data API's cross-feature parts: published reasoned responses on proposals, and commitment sheets.</summary>
public abstract class OpenDataWiringTests(OpenGovFactory app)
{
    private async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Proposals_carry_their_published_response_and_never_a_draft()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 2);
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var published = $"/cycles/{cycle.Id}/feedback/answer/{cycle.Ideas[0].Id}";
        await moderator.PostWithTokenAsync(published, published + "?handler=Publish", new Dictionary<string, string>
        {
            ["Input.State"] = "Retained", ["Input.Justification"] = "Retenue dans la fiche budget.",
        });
        var draft = $"/cycles/{cycle.Id}/feedback/answer/{cycle.Ideas[1].Id}";
        await moderator.PostWithTokenAsync(draft, draft + "?handler=Save", new Dictionary<string, string>
        {
            ["Input.State"] = "OutOfScope", ["Input.Justification"] = "Brouillon interne secret.",
        });
        var client = app.CreateBrowserlikeClient();
        var json = await JsonAsync(client, $"/api/v1/proposals?cycleId={cycle.Id}");
        var items = json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());
        var answered = items[cycle.Ideas[0].Id].GetProperty("response");
        Assert.Equal("Retained", answered.GetProperty("decision").GetString());
        Assert.Equal("Retenue dans la fiche budget.", answered.GetProperty("reasonMarkdown").GetString());
        Assert.Equal(JsonValueKind.Null, items[cycle.Ideas[1].Id].GetProperty("response").ValueKind);
        Assert.DoesNotContain("Brouillon interne secret", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sheets_expose_published_versions_and_public_comments_without_personal_data_with_keyset_paging()
    {
        var (agencyId, _, editorId) = await app.AgencyWithEditorAsync();
        var cycleId = await app.CycleAsync();
        var (_, commenterId) = await app.SignedInClientAsync();
        var marker = Guid.NewGuid().ToString("N")[..6];
        var sheetIds = await app.WithScopeAsync(async sp =>
        {
            var editing = sp.GetRequiredService<SheetEditing>();
            var commenting = sp.GetRequiredService<SheetCommenting>();
            var ids = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(1));
                var now = app.Clock.UtcNow;
                var id = await editing.CreateAsync(editorId, agencyId, cycleId, SheetsTestKit.Content($"Fiche {i} {marker}", "Activité"));
                await editing.PublishAsync(editorId, "Éditeur", id, null, now.AddMinutes(-1), now.AddDays(10), []);
                ids.Add(id);
            }
            var comment = await commenting.CommentAsync(commenterId, "Karim B.", ids[0], SheetSections.Problem, "Un commentaire public.", null);
            await editing.SaveDraftAsync(editorId, ids[0], SheetsTestKit.Content($"Fiche 0 révisée {marker}", "Activité", "Autre"));
            await editing.PublishAsync(editorId, "Éditeur", ids[0], "Révision", null, null, [new CommentDecision(comment, CommentHandling.Integrated, null)]);
            // A later draft change stays private.
            await editing.SaveDraftAsync(editorId, ids[0], SheetsTestKit.Content($"Brouillon privé {marker}", "Activité"));
            await editing.CreateAsync(editorId, agencyId, cycleId, SheetsTestKit.Content($"Jamais publiée {marker}"));
            return ids;
        });
        var client = app.CreateBrowserlikeClient();

        var first = await JsonAsync(client, $"/api/v1/sheets?cycleId={cycleId}&limit=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var second = await JsonAsync(client, $"/api/v1/sheets?cycleId={cycleId}&limit=2&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var all = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(sheetIds, all.Select(s => s.GetProperty("id").GetGuid()));

        var revised = all[0];
        Assert.Equal($"Fiche 0 révisée {marker}", revised.GetProperty("title").GetString());
        Assert.Equal(2, revised.GetProperty("versions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, revised.GetProperty("retained").ValueKind);
        var c = Assert.Single(revised.GetProperty("comments").EnumerateArray());
        Assert.Equal("Karim B.", c.GetProperty("authorDisplayName").GetString());
        Assert.Equal("Integrated", c.GetProperty("handling").GetString());

        var raw = first.GetRawText() + second.GetRawText();
        Assert.DoesNotContain("Brouillon privé", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Jamais publiée", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(commenterId, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(editorId, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("@test.opengov.ma", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("userId", raw, StringComparison.OrdinalIgnoreCase);

        var openApi = await (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/sheets", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_and_published_minutes_are_listed_and_the_open_data_page_links_the_dumps_and_reports()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        var (planId, draftPlanId) = await app.WithScopeAsync(async sp =>
        {
            var admin = sp.GetRequiredService<PlanAdministration>();
            var plan = await admin.AdoptAsync($"Plan {marker}", 2026, 2028, null,
                [new AdoptedCommitment(1, "Budget citoyen", "Transparence", "Agence A", "P", "D", [new("A1", 1, today.AddMonths(-1), today.AddMonths(6))])], "admin");
            await admin.PublishAsync(plan, "admin");
            var draft = await admin.AdoptAsync($"Plan brouillon {marker}", 2028, 2030, null,
                [new AdoptedCommitment(1, "Brouillon", "Axe", "Agence B", "P", "D", [new("B1", 1, today, today.AddMonths(6))])], "admin");
            return (plan, draft);
        });
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(1));
                var m = new Meeting(Guid.NewGuid(), CommitteeKind.Steering, $"Réunion {i} {marker}", today, "Rabat", false, app.Clock.UtcNow);
                m.WriteMinutes("Compte rendu public.");
                m.AddDecision($"Décision {i} {marker}", "Ministère", null, "owner-user-secret", null, today.AddMonths(1));
                if (i < 2) m.Publish(app.Clock.UtcNow);
                db.Add(m);
            }
            await db.SaveChangesAsync();
        });
        var client = app.CreateBrowserlikeClient();

        var plans = await JsonAsync(client, "/api/v1/plans");
        var plan = plans.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == planId);
        Assert.InRange(plan.GetProperty("overallRate").GetDouble(), 0, 1);
        Assert.Equal($"/api/v1/plans/{planId}/progress", plan.GetProperty("progressUrl").GetString());
        Assert.DoesNotContain(plans.EnumerateArray(), p => p.GetProperty("id").GetGuid() == draftPlanId);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(plan.GetProperty("progressUrl").GetString()!, UriKind.Relative))).StatusCode);

        // Paging one meeting at a time reaches both published minutes, latest first, and never the draft.
        var seen = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await JsonAsync(client, "/api/v1/meetings?limit=1" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 1);
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        var mine = seen.Where(m => m.GetProperty("title").GetString()!.EndsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"Réunion 1 {marker}", $"Réunion 0 {marker}"], mine.Select(m => m.GetProperty("title").GetString()));
        Assert.Equal($"Décision 1 {marker}", Assert.Single(mine[0].GetProperty("decisions").EnumerateArray()).GetProperty("text").GetString());
        var raw = string.Join("", seen.Select(m => m.GetRawText()));
        Assert.DoesNotContain("owner-user-secret", raw, StringComparison.Ordinal);
        Assert.DoesNotContain($"Réunion 2 {marker}", raw, StringComparison.Ordinal);

        var openApi = await (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/plans", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/meetings", openApi, StringComparison.Ordinal);

        var cycle = await FeedbackSeed.CycleAsync(app, 1);
        var openData = await client.GetDocumentAsync("/open-data");
        var item = openData.QuerySelectorAll("[data-testid=open-data-plan]").Single(li => li.TextContent.Contains($"Plan {marker}", StringComparison.Ordinal));
        var links = item.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/plan/{planId}/export.csv", links);
        Assert.Contains($"/plan/{planId}/export.json", links);
        Assert.Contains($"/plan/{planId}/report.docx", links);
        Assert.DoesNotContain($"Plan brouillon {marker}", openData.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(openData.QuerySelector($"a[href='/cycles/{cycle.Id}/report.docx']"));
        foreach (var link in links.Append($"/cycles/{cycle.Id}/report.docx"))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(link!, UriKind.Relative))).StatusCode);
    }
}

public sealed class OpenDataWiringTests_Sqlite(SqliteFactory app) : OpenDataWiringTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class OpenDataWiringTests_Postgres(PostgresFactory app) : OpenDataWiringTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class OpenDataWiringTests_SqlServer(SqlServerFactory app) : OpenDataWiringTests(app), IClassFixture<SqlServerFactory>;
