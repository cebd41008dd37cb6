using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Sheets;
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
        var (_, commenterId) = await app.UserAsync();
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
}

public sealed class OpenDataWiringTests_Sqlite(SqliteFactory app) : OpenDataWiringTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class OpenDataWiringTests_Postgres(PostgresFactory app) : OpenDataWiringTests(app), IClassFixture<PostgresFactory>;
