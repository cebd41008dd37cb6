using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Feedback;

/// <summary>
/// Public traceability both ways: idea → published response → sheet → adopted commitment → activity, and back, on the pages
/// and in the open-data API; the pickers that replace raw ids for "integrated into a sheet" and for merges.
/// </summary>
public abstract class TraceabilityTests(OpenGovFactory app)
{
    private const string ArabicSheetTitle = "ميزانية مفتوحة";

    private sealed record Chain(SeededCycle Cycle, Guid SheetId, string SheetTitle, Guid CommitmentId, Guid ActivityId, HttpClient Moderator);

    /// <summary>A cycle with three ideas and a published sheet in it; the moderator answers idea 0 "integrated" through the picker.</summary>
    private async Task<Chain> ChainAsync()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 3);
        var (agencyId, _, editorId) = await app.AgencyWithEditorAsync();
        var sheetTitle = "Budget ouvert " + Guid.NewGuid().ToString("N")[..6];
        var sheetId = await app.WithScopeAsync(async sp =>
        {
            var editing = sp.GetRequiredService<SheetEditing>();
            var id = await editing.CreateAsync(editorId, agencyId, cycle.Id, SheetsTestKit.Content(sheetTitle, "Publier les budgets", "Former les élus") with
            {
                Ar = new Dictionary<string, string> { [SheetSections.Title] = ArabicSheetTitle },
            });
            await editing.PublishAsync(editorId, "Éditeur", id, null, app.Clock.UtcNow.AddMinutes(-1), app.Clock.UtcNow.AddDays(10), []);
            return id;
        });
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var answerUrl = $"/cycles/{cycle.Id}/feedback/answer/{cycle.Ideas[0].Id}";
        var form = await moderator.GetDocumentAsync(answerUrl);
        var option = form.QuerySelectorAll("[data-testid=sheet-picker] option").Single(o => o.GetAttribute("value") == sheetId.ToString());
        Assert.Equal(sheetTitle, option.TextContent);
        var published = await moderator.PostWithTokenAsync(answerUrl, answerUrl + "?handler=Publish", new Dictionary<string, string>
        {
            ["Input.State"] = "MergedIntoSheet", ["Input.SheetId"] = sheetId.ToString(), ["Input.Justification"] = "Reprise dans la **fiche** budget.",
        });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var (_, adminId) = await app.SignedInClientAsync(Roles.Administrator);
        var (commitmentId, activityId) = await app.WithScopeAsync(async sp =>
        {
            var evaluation = sp.GetRequiredService<CommitteeEvaluation>();
            await evaluation.SelectAsync(adminId, true, cycle.Id, [sheetId]);
            await evaluation.PublishSelectionAsync(adminId, true, cycle.Id, null);
            var plans = sp.GetRequiredService<PlanAdministration>();
            var planId = await plans.AdoptAsync("Plan tracé " + sheetTitle, 2027, 2029, cycle.Id,
                [new AdoptedCommitment(1, sheetTitle, "Transparence", "Agence", "Problème", "Description",
                    [new AdoptedActivity("Publier les budgets", 1, null, null), new AdoptedActivity("Former les élus", 1, null, null)], sheetId)], adminId);
            await plans.PublishAsync(planId, adminId);
            var db = sp.GetRequiredService<OpenGov.Web.Data.AppDbContext>();
            var c = await db.Set<Commitment>().Include(x => x.Activities).SingleAsync(x => x.PlanId == planId);
            return (c.Id, c.Activities.Single(a => a.Order == 1).Id);
        });
        return new Chain(cycle, sheetId, sheetTitle, commitmentId, activityId, moderator);
    }

    [Fact]
    public async Task An_idea_leads_to_its_response_sheet_commitment_and_activity_and_each_step_links_back()
    {
        var chain = await ChainAsync();
        var idea = chain.Cycle.Ideas[0];
        var visitor = app.CreateBrowserlikeClient();

        var ideaPage = await visitor.GetDocumentAsync($"/proposals/{idea.Id}");
        Assert.Equal("Intégrée à une fiche d'engagement", ideaPage.QuerySelector("[data-testid=response-state]")!.TextContent);
        Assert.NotNull(ideaPage.QuerySelector("[data-testid=response-text] strong"));
        Assert.Equal($"/sheets/{chain.SheetId}", ideaPage.QuerySelector("[data-testid=trail-sheet]")!.GetAttribute("href"));
        Assert.Equal($"/plan/commitments/{chain.CommitmentId}", ideaPage.QuerySelector("[data-testid=trail-commitment]")!.GetAttribute("href"));
        // An idea without a published answer says so.
        var other = await visitor.GetDocumentAsync($"/proposals/{chain.Cycle.Ideas[1].Id}");
        Assert.NotNull(other.QuerySelector("[data-testid=response-awaiting]"));

        var sheetPage = await visitor.GetDocumentAsync($"/sheets/{chain.SheetId}");
        var ideaLinks = sheetPage.QuerySelectorAll("[data-testid=trail-ideas] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/proposals/{idea.Id}"], ideaLinks);
        Assert.Equal($"/plan/commitments/{chain.CommitmentId}", sheetPage.QuerySelector("[data-testid=sheet-trail] [data-testid=trail-commitment]")!.GetAttribute("href"));

        var commitmentPage = await visitor.GetDocumentAsync($"/plan/commitments/{chain.CommitmentId}");
        Assert.Equal($"/sheets/{chain.SheetId}", commitmentPage.QuerySelector("[data-testid=trail-sheet]")!.GetAttribute("href"));
        Assert.Equal([$"/proposals/{idea.Id}"], commitmentPage.QuerySelectorAll("[data-testid=trail-ideas] a").Select(a => a.GetAttribute("href")).ToList());
        var activityLinks = commitmentPage.QuerySelectorAll("[data-testid=activity-link]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(2, activityLinks.Count);
        Assert.Contains($"/plan/activities/{chain.ActivityId}", activityLinks);

        // The plan's dashboard draws its rates with the same chart component, each chart with its table.
        var planHref = commitmentPage.QuerySelectorAll(".breadcrumb a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("/plan/", StringComparison.Ordinal));
        var planPage = await visitor.GetDocumentAsync(planHref);
        var axisRow = planPage.QuerySelector("#chart-axis-rates [data-testid=chart-table] tbody tr")!;
        Assert.Equal(["Transparence", "0 %"], axisRow.Children.Select(c => c.TextContent).ToArray());
        Assert.NotNull(planPage.QuerySelector("#chart-axis-rates svg[role=img] rect"));
        Assert.NotNull(planPage.QuerySelector("#chart-levels [data-testid=chart-table]"));

        var activityPage = await visitor.GetDocumentAsync($"/plan/activities/{chain.ActivityId}");
        Assert.Contains("Publier les budgets", activityPage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/plan/commitments/{chain.CommitmentId}", activityPage.QuerySelector("[data-testid=activity-commitment-link]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/plan/activities/{Guid.NewGuid()}")).StatusCode);
        // In Arabic, the commitment and plan titles (French only here) are the originals, marked as French.
        var arabic = await visitor.GetDocumentAsync($"/plan/activities/{chain.ActivityId}?culture=ar");
        Assert.NotNull(arabic.QuerySelector("[data-testid=activity-commitment-link] span[lang=fr][dir=ltr]"));
        Assert.NotNull(arabic.QuerySelector($".breadcrumb a[href='{planHref}'] span[lang=fr][dir=ltr]"));
    }

    [Fact]
    public async Task The_chain_is_in_the_open_data_api_from_each_step()
    {
        var chain = await ChainAsync();
        var idea = chain.Cycle.Ideas[0];
        var api = app.CreateClient();

        using var fromIdea = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/proposals/{idea.Id}/trace"));
        var root = fromIdea.RootElement;
        Assert.Equal(idea.Id, root.GetProperty("ideas")[0].GetProperty("id").GetGuid());
        Assert.Equal("MergedIntoSheet", root.GetProperty("ideas")[0].GetProperty("responseState").GetString());
        Assert.Equal(chain.SheetId, root.GetProperty("sheet").GetProperty("id").GetGuid());
        Assert.Equal(chain.CommitmentId, root.GetProperty("commitment").GetProperty("id").GetGuid());
        // Titles in every language, like the API's other official texts (a missing translation is null).
        var sheetTitles = root.GetProperty("sheet").GetProperty("titles");
        Assert.Equal(chain.SheetTitle, sheetTitles.GetProperty("fr").GetString());
        Assert.Equal(ArabicSheetTitle, sheetTitles.GetProperty("ar").GetString());
        Assert.Equal(JsonValueKind.Null, sheetTitles.GetProperty("en").ValueKind);
        Assert.Equal(chain.SheetTitle, root.GetProperty("commitment").GetProperty("titles").GetProperty("fr").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("commitment").GetProperty("titles").GetProperty("ar").ValueKind);
        Assert.StartsWith("Plan tracé", root.GetProperty("commitment").GetProperty("planTitles").GetProperty("fr").GetString(), StringComparison.Ordinal);
        Assert.Equal("Publier les budgets", root.GetProperty("activities")[0].GetProperty("titles").GetProperty("fr").GetString());
        Assert.Equal(2, root.GetProperty("activities").GetArrayLength());
        Assert.Equal($"/plan/activities/{chain.ActivityId}", root.GetProperty("activities")[0].GetProperty("url").GetString());

        using var fromCommitment = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/commitments/{chain.CommitmentId}/trace"));
        Assert.Equal(chain.SheetId, fromCommitment.RootElement.GetProperty("sheet").GetProperty("id").GetGuid());
        Assert.Equal(idea.Id, fromCommitment.RootElement.GetProperty("ideas")[0].GetProperty("id").GetGuid());

        using var fromSheet = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/sheets/{chain.SheetId}/trace"));
        Assert.Equal(chain.CommitmentId, fromSheet.RootElement.GetProperty("commitment").GetProperty("id").GetGuid());

        // An idea with no published answer has no trail yet; unknown ids are 404 too.
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/proposals/{chain.Cycle.Ideas[1].Id}/trace")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/commitments/{Guid.NewGuid()}/trace")).StatusCode);
    }

    [Fact]
    public async Task The_sheet_picker_refuses_a_sheet_of_another_cycle_on_the_form_with_the_input_kept()
    {
        var chain = await ChainAsync();
        var (agencyId, _, editorId) = await app.AgencyWithEditorAsync();
        var foreign = await app.PublishedSheetAsync(agencyId, editorId, SheetsTestKit.Content("Fiche d'un autre cycle"));
        var idea = chain.Cycle.Ideas[2];
        var answerUrl = $"/cycles/{chain.Cycle.Id}/feedback/answer/{idea.Id}";
        var response = await chain.Moderator.PostWithTokenAsync(answerUrl, answerUrl + "?handler=Save", new Dictionary<string, string>
        {
            ["Input.State"] = "MergedIntoSheet", ["Input.SheetId"] = foreign.ToString(), ["Input.Justification"] = "Texte gardé",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Http.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Choisissez une fiche d'engagement de ce cycle.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Texte gardé", page.QuerySelector("textarea[name='Input.Justification']")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.Set<ProposalResponse>().AnyAsync(r => r.ProposalId == idea.Id)));
    }

    [Fact]
    public async Task Moderators_merge_a_duplicate_by_choosing_the_idea_by_its_title()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 3);
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var duplicate = cycle.Ideas[1];
        var target = cycle.Ideas[0];

        // The picker's suggestions: ideas of the same cycle whose title contains the typed text, never the duplicate itself.
        var json = await moderator.GetStringAsync($"/moderation?handler=MergeCandidates&id={duplicate.Id}&q={Uri.EscapeDataString(target.Title[6..14])}");
        using var suggestions = JsonDocument.Parse(json);
        var ids = suggestions.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([target.Id], ids);

        // Without script, the exact title typed in the field names the target.
        var response = await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Merge&id={duplicate.Id}",
            new Dictionary<string, string> { ["targetId"] = " " + target.Title + " " });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var merged = await app.WithDbAsync(db => db.Set<Proposal>().SingleAsync(p => p.Id == duplicate.Id));
        Assert.Equal(ProposalStatus.Merged, merged.Status);
        Assert.Equal(target.Id, merged.MergedIntoId);

        // A title that names no idea is refused with a message, nothing merged.
        var refused = await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Merge&id={cycle.Ideas[2].Id}",
            new Dictionary<string, string> { ["targetId"] = "Aucune idée de ce titre" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var after = await moderator.GetDocumentAsync(refused.Headers.Location!.ToString());
        Assert.Contains("recherchez-la par son titre", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Published, await app.WithDbAsync(db => db.Set<Proposal>().Where(p => p.Id == cycle.Ideas[2].Id).Select(p => p.Status).SingleAsync()));

        // Others than moderators get no suggestions.
        var (citizen, _) = await app.SignedInClientAsync();
        Http.AssertForbidden(await citizen.GetAsync($"/moderation?handler=MergeCandidates&id={duplicate.Id}&q=Id"));
    }
}

public sealed class TraceabilityTests_Sqlite(SqliteFactory app) : TraceabilityTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class TraceabilityTests_Postgres(PostgresFactory app) : TraceabilityTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class TraceabilityTests_SqlServer(SqlServerFactory app) : TraceabilityTests(app), IClassFixture<SqlServerFactory>;
