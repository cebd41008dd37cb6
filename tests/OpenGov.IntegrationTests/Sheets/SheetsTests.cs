using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Follows;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Sheets;

public abstract class SheetsTests(OpenGovFactory app)
{
    private static KeyValuePair<string, string> F(string k, string v) => new(k, v);

    [Fact]
    public async Task An_editor_of_another_agency_cannot_touch_a_sheet_through_any_handler()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche protégée", "Activité A"));
        var commentId = await app.WithScopeAsync(sp => sp.GetRequiredService<SheetCommenting>()
            .CommentAsync(editorId, "x", sheet, SheetSections.Problem, "Un commentaire", null));
        var (_, other, _) = await app.AgencyWithEditorAsync();
        var page = $"/sheets/{sheet}";

        SheetsTestKit.AssertForbidden((await other.GetAsync($"/sheets/{sheet}/edit")));
        SheetsTestKit.AssertForbidden((await other.GetAsync($"/sheets/{sheet}/publish")));
        SheetsTestKit.AssertForbidden((await other.PostFormAsync(page, $"/sheets/{sheet}/edit", [F("Form.Title", "Piratée")])));
        SheetsTestKit.AssertForbidden((await other.PostFormAsync(page, $"/sheets/{sheet}/publish", [F("ChangeNote", "x")])));
        SheetsTestKit.AssertForbidden(await other.PostFormAsync(page, $"/sheets/{sheet}?handler=Reply",
            [F("commentId", commentId.ToString()), F("reply", "Réponse usurpée")]));
        SheetsTestKit.AssertForbidden(await other.PostFormAsync(page, "/sheets/new",
            [F("AgencyId", agency.ToString()), F("CycleId", Guid.NewGuid().ToString()), F("Title", "Intrus")]));

        await app.WithDbAsync(async db =>
        {
            var s = await db.Set<Sheet>().SingleAsync(x => x.Id == sheet);
            Assert.Equal("Fiche protégée", s.Title);
            Assert.Equal(1, s.CurrentVersion);
            Assert.Null((await db.Set<SheetComment>().SingleAsync(c => c.Id == commentId)).Reply);
        });
    }

    [Fact]
    public async Task A_comment_after_the_window_closes_is_refused_and_an_extension_reopens_it_publicly()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche à échéance"), days: 2);
        var (citizen, citizenId) = await app.SignedInClientAsync();
        await app.WithScopeAsync(sp => sp.GetRequiredService<Followers>().FollowAsync(citizenId, FollowTarget.Sheet, sheet));
        var page = $"/sheets/{sheet}";
        var ok = await citizen.PostFormAsync(page, $"{page}?handler=Comment", [F("Comment.Section", "problem"), F("Comment.Body", "Avant la clôture")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.SignedInClientForAsync(citizenId, citizen);
        var token = await citizen.TokenAsync(page);
        var refused = await citizen.PostAsync($"{page}?handler=Comment", new FormUrlEncodedContent(
            [F("Comment.Section", "problem"), F("Comment.Body", "Après la clôture"), F("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("n'est pas ouverte", Http.Parse(await refused.ReadTextAsync()).QuerySelector("[data-testid=comment-refused]")!.TextContent, StringComparison.Ordinal);
        var closed = await citizen.GetDocumentAsync(page);
        Assert.Contains("close", closed.QuerySelector("[data-testid=window-state]")!.ClassName, StringComparison.Ordinal);
        Assert.Empty(closed.QuerySelectorAll("details.sheet-comment-form"));
        await app.WithDbAsync(async db => Assert.Equal(1, await db.Set<SheetComment>().CountAsync(c => c.SheetId == sheet)));

        // An administrator extends it with a reason: shown publicly, audit-logged, followers told.
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var newClose = app.Clock.UtcNow.AddDays(5).ToString("yyyy-MM-ddTHH:mm");
        var extended = await admin.PostFormAsync($"{page}/extend", $"{page}/extend", [F("NewClose", newClose), F("Reason", "Demande des associations régionales")]);
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        var reopened = await app.CreateBrowserlikeClient().GetDocumentAsync(page);
        Assert.Contains("Demande des associations régionales", reopened.QuerySelector("[data-testid=extension]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("open", reopened.QuerySelector("[data-testid=window-state]")!.ClassName, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "sheet.consultation-extended" && a.TargetId == sheet.ToString()));
            Assert.True(await db.Set<OutboxMessage>().AnyAsync(m => m.Category == "sheet.consultation.extended" && m.RecipientUserId == citizenId));
        });
    }

    [Fact]
    public async Task Only_approved_members_of_a_verified_association_comment_on_its_behalf()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche associative"));
        var (member, memberId) = await app.SignedInClientAsync(Roles.AssociationMember);
        var (outsider, _) = await app.SignedInClientAsync();
        var associationId = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            var association = new Association(associationId, "Transparence Sud " + associationId.ToString("N")[..4], null, OpenGov.SharedKernel.Regions.National,
                "", null, null, "", memberId, app.Clock.UtcNow);
            association.Verify("moderator", app.Clock.UtcNow);
            db.Add(association);
            await db.SaveChangesAsync();
        });
        var page = $"/sheets/{sheet}";
        var forged = await outsider.PostFormAsync(page, $"{page}?handler=Comment",
            [F("Comment.Section", "commitment"), F("Comment.Body", "Au nom d'une association dont je ne suis pas membre"), F("Comment.AssociationId", associationId.ToString())]);
        SheetsTestKit.AssertForbidden(forged);

        var doc = await member.GetDocumentAsync(page);
        Assert.NotNull(doc.QuerySelector($"select[name='Comment.AssociationId'] option[value='{associationId}']"));
        var ok = await member.PostFormAsync(page, $"{page}?handler=Comment",
            [F("Comment.Section", "commitment"), F("Comment.Body", "Position de l'association"), F("Comment.AssociationId", associationId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await app.WithDbAsync(async db =>
        {
            var comments = await db.Set<SheetComment>().Where(c => c.SheetId == sheet).ToListAsync();
            var only = Assert.Single(comments);
            Assert.Equal(associationId, only.AssociationId);
            Assert.StartsWith("Transparence Sud", only.AssociationName, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Only_committee_members_score_and_the_published_selection_shows_the_weighted_scores()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche évaluée"));
        var cycle = await app.WithDbAsync(db => db.Set<Sheet>().Where(s => s.Id == sheet).Select(s => s.CycleId).SingleAsync());
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var eval = $"/sheets/evaluation?cycle={cycle}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(eval, $"/sheets/evaluation?cycle={cycle}&handler=AddCriterion",
            [F("CriterionName", "Impact transformationnel"), F("CriterionWeight", "3")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(eval, $"/sheets/evaluation?cycle={cycle}&handler=AddCriterion",
            [F("CriterionName", "Faisabilité"), F("CriterionWeight", "1")])).StatusCode);
        var criteria = await app.WithDbAsync(db => db.Set<EvaluationCriterion>().Where(c => c.CycleId == cycle).OrderBy(c => c.Order).Select(c => c.Id).ToListAsync());
        List<KeyValuePair<string, string>> Scores(int a, int b) =>
            [F("Scores[0].CriterionId", criteria[0].ToString()), F("Scores[0].Score", a.ToString()), F("Scores[0].Remark", "ok"),
             F("Scores[1].CriterionId", criteria[1].ToString()), F("Scores[1].Score", b.ToString())];
        var score = $"/sheets/{sheet}/score";

        var (citizen, _) = await app.SignedInClientAsync();
        var citizenPost = await citizen.PostFormAsync($"/sheets/{sheet}", score, Scores(4, 4));
        SheetsTestKit.AssertForbidden(citizenPost);
        SheetsTestKit.AssertForbidden((await admin.PostFormAsync(score, score, Scores(4, 4))));
        var (m1, _) = await app.SignedInClientAsync(Roles.CommitteeMember);
        var (m2, _) = await app.SignedInClientAsync(Roles.CommitteeMember);
        Assert.Equal(HttpStatusCode.Redirect, (await m1.PostFormAsync(score, score, Scores(4, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await m2.PostFormAsync(score, score, Scores(2, 2))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await m2.PostFormAsync(score, score, Scores(2, 4))).StatusCode); // edits its own card
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Scorecard>().CountAsync(s => s.SheetId == sheet)));

        // (3·mean(4,2) + 1·mean(0,4)) / 4 = (9 + 2) / 4 = 2.75
        var ranking = await m1.GetDocumentAsync(eval);
        Assert.Contains("2,75", ranking.QuerySelector("[data-testid=ranking]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sélection", (await app.CreateBrowserlikeClient().GetDocumentAsync($"/sheets/selection?cycle={cycle}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Null((await app.CreateBrowserlikeClient().GetDocumentAsync($"/sheets/selection?cycle={cycle}")).QuerySelector("[data-testid=selection]"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(eval, $"/sheets/evaluation?cycle={cycle}&handler=Select", [F("Selected", sheet.ToString())])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(eval, $"/sheets/evaluation?cycle={cycle}&handler=Publish", [F("Note", "Sélection du comité")])).StatusCode);
        var selection = await app.CreateBrowserlikeClient().GetDocumentAsync($"/sheets/selection?cycle={cycle}");
        var table = selection.QuerySelector("[data-testid=selection]")!.TextContent;
        Assert.Contains("Fiche évaluée", table, StringComparison.Ordinal);
        Assert.Contains("2,75", table, StringComparison.Ordinal);
        // Frozen after publication.
        Assert.Equal(HttpStatusCode.OK, (await m1.PostFormAsync(score, score, Scores(0, 0))).StatusCode);
        Assert.Equal(2.75, (await app.WithScopeAsync(sp => sp.GetRequiredService<CommitteeEvaluation>().RankingAsync(cycle))).Sheets[0].WeightedScore);
    }

    private static readonly string[] TextFields =
        ["Title", "ProjectLead", "GovernmentActors", "CivilSocietyActors", "Problem", "StatusQuo", "Commitment", "HowItSolves", "ValuesRelevance"];

    private const string Xss = "<script>alert('x')</script><img src=x onerror=alert(1)>[lien](javascript:alert(1)) \"><svg onload=alert(1)>";

    [Fact]
    public async Task Xss_in_every_field_comes_back_inert_on_the_sheet_the_trail_and_the_diff()
    {
        var (agency, editor, editorId) = await app.AgencyWithEditorAsync();
        var id = await app.WithScopeAsync(sp => sp.GetRequiredService<SheetEditing>().CreateAsync(editorId, agency,
            app.CycleAsync().GetAwaiter().GetResult(), SheetContent.Empty("Titre initial")));
        var edit = $"/sheets/{id}/edit";
        var fields = TextFields.Select(f => F("Form." + f, f + " " + Xss)).ToList();
        fields.AddRange([F("Form.Transparency", "true"), F("Form.Activities[0].Deliverable", "Activité " + Xss), F("Form.Activities[0].Start", "2025-01-01"),
            F("Form.Indicators[0].Name", "Indicateur " + Xss), F("Form.Indicators[0].Baseline", Xss), F("Form.Indicators[0].Target", Xss)]);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(edit, edit, fields)).StatusCode);
        var publish = $"/sheets/{id}/publish";
        var window = new[] { F("OpensAt", app.Clock.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm")), F("ClosesAt", app.Clock.UtcNow.AddDays(9).ToString("yyyy-MM-ddTHH:mm")) };
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(publish, publish, window)).StatusCode);
        var (citizen, _) = await app.SignedInClientAsync();
        var page = $"/sheets/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostFormAsync(page, $"{page}?handler=Comment", [F("Comment.Section", "problem"), F("Comment.Body", "Commentaire " + Xss)])).StatusCode);
        var commentId = await app.WithDbAsync(db => db.Set<SheetComment>().Where(c => c.SheetId == id).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(page, $"{page}?handler=Reply", [F("commentId", commentId.ToString()), F("reply", "Réponse " + Xss)])).StatusCode);
        var revised = fields.Select(f => f.Key == "Form.Problem" ? F(f.Key, "Problème révisé " + Xss + " <b>fin</b>") : f).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(edit, edit, revised)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(publish, publish,
            [F("ChangeNote", "Note " + Xss), F("Decisions[0].CommentId", commentId.ToString()), F("Decisions[0].Handling", "NotIntegrated"), F("Decisions[0].Reason", "Motif " + Xss)])).StatusCode);

        var cycle = await app.WithDbAsync(db => db.Set<Sheet>().Where(s => s.Id == id).Select(s => s.CycleId).SingleAsync());
        foreach (var url in new[] { page, $"{page}/compare?from=1&to=2", $"/sheets?cycle={cycle}", edit, publish })
        {
            var client = url == edit || url == publish ? editor : app.CreateBrowserlikeClient();
            var doc = await client.GetDocumentAsync(url);
            Assert.All(doc.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {url}"));
            Assert.Empty(doc.QuerySelectorAll("img[onerror], svg, [onload], [onerror]"));
            Assert.Empty(doc.QuerySelectorAll("a[href^='javascript']"));
            Assert.Contains("<script>alert('x')</script>", doc.Body!.TextContent, StringComparison.Ordinal);
        }
        var diff = await app.CreateBrowserlikeClient().GetDocumentAsync($"{page}/compare?from=1&to=2");
        Assert.Contains("révisé", diff.QuerySelector("[data-key=problem] ins")!.TextContent, StringComparison.Ordinal);
        Assert.Null(diff.QuerySelector("[data-key=problem] b"));
    }

    [Fact]
    public async Task A_reply_and_a_revision_build_the_public_trail_and_a_word_level_diff()
    {
        var (agency, editor, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche révisée", "Formation des agents"));
        var activity = await app.WithDbAsync(async db => SheetContent.FromJson(await db.Set<SheetVersion>().Where(v => v.SheetId == sheet).Select(v => v.ContentJson).SingleAsync()).Activities[0]);
        var (citizen, citizenId) = await app.SignedInClientAsync();
        var page = $"/sheets/{sheet}";
        var section = SheetSections.Activity(activity.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostFormAsync(page, $"{page}?handler=Comment", [F("Comment.Section", section), F("Comment.Body", "Préciser le public formé")])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.PostFormAsync(page, $"{page}?handler=Comment", [F("Comment.Section", "activity:" + Guid.NewGuid()), F("Comment.Body", "Section inconnue")])).StatusCode);
        var commentId = await app.WithDbAsync(db => db.Set<SheetComment>().Where(c => c.SheetId == sheet).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(page, $"{page}?handler=Reply", [F("commentId", commentId.ToString()), F("reply", "Nous précisons : agents d'accueil.")])).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Category == "comment.reply" && m.RecipientUserId == citizenId)));

        var edit = $"/sheets/{sheet}/edit";
        var form = await editor.GetDocumentAsync(edit);
        Assert.Equal(activity.Id.ToString(), form.QuerySelector("input[name='Form.Activities[0].Id']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(edit, new Dictionary<string, string>
        {
            ["Form.Activities[0].Deliverable"] = "Formation des agents d'accueil",
            ["Form.Activities[1].Deliverable"] = "Évaluation de la formation",
        }, "form.sheet-edit")).StatusCode);
        var publish = $"/sheets/{sheet}/publish";
        var missing = await editor.PostFormAsync(publish, publish, [F("ChangeNote", "Révision")]);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode); // every open comment needs a decision
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(publish, publish,
            [F("ChangeNote", "Public précisé"), F("Decisions[0].CommentId", commentId.ToString()), F("Decisions[0].Handling", "Integrated")])).StatusCode);

        var doc = await app.CreateBrowserlikeClient().GetDocumentAsync(page);
        var trail = doc.QuerySelector("[data-testid=trail]")!.TextContent;
        Assert.Contains("Préciser le public formé", trail, StringComparison.Ordinal);
        Assert.Contains("Nous précisons : agents d'accueil.", trail, StringComparison.Ordinal);
        Assert.Contains("Intégré", trail, StringComparison.Ordinal);
        Assert.Contains("version 2", trail, StringComparison.Ordinal);
        var diff = await app.CreateBrowserlikeClient().GetDocumentAsync($"{page}/compare?from=1&to=2");
        Assert.Equal("d'accueil", diff.QuerySelector($"[data-key='{section}'] ins")!.TextContent.Trim());
        Assert.NotNull(diff.QuerySelector(".badge.text-bg-success")); // the added activity
        // Version 1 is unchanged by the revision.
        var v1 = await app.WithDbAsync(async db => SheetContent.FromJson(await db.Set<SheetVersion>().Where(v => v.SheetId == sheet && v.Number == 1).Select(v => v.ContentJson).SingleAsync()));
        Assert.Equal("Formation des agents", Assert.Single(v1.Activities).Deliverable);
    }

    [Fact]
    public async Task Followers_are_told_once_when_a_consultation_opens_and_48_hours_before_it_closes()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche suivie"), days: 3);
        var (_, follower) = await app.SignedInClientAsync();
        await app.WithScopeAsync(sp => sp.GetRequiredService<Followers>().FollowAsync(follower, FollowTarget.Sheet, sheet));
        async Task<int> Count(string category) => await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Category == category && m.RecipientUserId == follower));
        async Task Run() => await app.WithScopeAsync(sp => sp.GetServices<OpenGov.SharedKernel.Jobs.IRecurringJob>()
            .Single(j => j.Name == "sheet-consultation-notifications").RunAsync(app.Clock.UtcNow, default));
        await Run();
        Assert.Equal(1, await Count("sheet.consultation.opened"));
        Assert.Equal(0, await Count("sheet.consultation.closing"));
        app.Clock.Advance(TimeSpan.FromHours(30));
        await Run();
        await Run();
        Assert.Equal(1, await Count("sheet.consultation.opened"));
        Assert.Equal(1, await Count("sheet.consultation.closing"));
    }

    [Fact]
    public async Task The_sheet_page_needs_the_same_few_queries_for_10_or_1000_comments()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche très commentée", "A1", "A2", "A3"));
        var sections = await app.WithDbAsync(async db => SheetContent.FromJson(await db.Set<SheetVersion>().Where(v => v.SheetId == sheet).Select(v => v.ContentJson).SingleAsync())
            .Activities.Select(a => SheetSections.Activity(a.Id)).Concat(SheetSections.Fields).ToList());
        async Task AddComments(int n) => await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < n; i++)
                db.Add(new SheetComment(Guid.NewGuid(), sheet, sections[i % sections.Count], 1, "u" + i, "Lecteur " + i, null, null, "Commentaire " + i, app.Clock.UtcNow));
            await db.SaveChangesAsync();
        });
        var counter = new SqlCounter();
        // Uncached (this second instance would otherwise serve its first rendering until its poller saw the new comments).
        using var counted = app.WithWebHostBuilder(b => b.UseSetting("Caching:Enabled", "false").ConfigureServices(s =>
        {
            s.ConfigureDbContext<OpenGov.Web.Data.SqliteAppDbContext>(o => o.AddInterceptors(counter));
            s.ConfigureDbContext<OpenGov.Web.Data.PostgresAppDbContext>(o => o.AddInterceptors(counter));
        }));
        var client = counted.CreateClient();
        await AddComments(10);
        await client.GetStringAsync($"/sheets/{sheet}"); // warm-up
        counter.Reset();
        var small = await client.GetStringAsync($"/sheets/{sheet}");
        var few = counter.Count;
        await AddComments(990);
        counter.Reset();
        var large = await client.GetStringAsync($"/sheets/{sheet}");
        var many = counter.Count;
        Assert.True(few < 20, $"{few} queries");
        Assert.Equal(few, many);
        // Sections are paged: the page stays well under 150 KB and shows each section's total.
        Assert.True(large.Length < 150_000, $"{large.Length} characters");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(large);
        Assert.Equal(1000, doc.QuerySelectorAll("[data-testid^=count-]").Sum(e => int.Parse(e.TextContent, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(sections.Count * SheetQueries.CommentsPerSection, doc.QuerySelectorAll("article.sheet-comment").Length);
        // The next page of a section continues where the first stopped, with the same few queries.
        var more = doc.QuerySelector("[data-testid^=more-] a")!.GetAttribute("href")!;
        counter.Reset();
        var second = await client.GetStringAsync(more.Replace("&amp;", "&", StringComparison.Ordinal));
        Assert.True(counter.Count <= few + 1, $"{counter.Count} queries");
        Assert.True(second.Length < 150_000, $"{second.Length} characters");
    }

    [Fact]
    public async Task The_demo_seed_loads_the_22_proposed_commitments_once_with_a_revised_sheet()
    {
        var services = app.Services;
        await OpenGov.Web.Infrastructure.Demo.DemoData.SeedAsync(services, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await OpenGov.Web.Infrastructure.Demo.DemoData.SeedAsync(services, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await app.WithDbAsync(async db =>
        {
            var demo = await db.Set<Sheet>().Where(s => s.CycleId == OpenGov.Consultation.DemoIds.Cycle2024).ToListAsync();
            Assert.Equal(22, demo.Count);
            var revised = Assert.Single(demo, s => s.CurrentVersion == 2);
            Assert.Equal("Programme d'appui aux collectivités territoriales ouvertes", revised.PublishedTitle);
            Assert.True(await db.Set<SheetComment>().CountAsync(c => demo.Select(d => d.Id).Contains(c.SheetId)) >= 40);
            Assert.Equal(6, await db.Set<SheetComment>().CountAsync(c => c.SheetId == revised.Id && c.HandledInVersion == 2));
            Assert.All(demo, s => Assert.Equal(Consultation.Sheets.ConsultationState.Open, s.StateAt(app.Clock.UtcNow)));
        });
        var doc = await app.CreateBrowserlikeClient().GetDocumentAsync("/sheets?cycle=" + OpenGov.Consultation.DemoIds.Cycle2024);
        Assert.Equal(22, doc.QuerySelectorAll(".sheet-list li").Length);
    }
}

internal sealed class SqlCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private int _count;
    public int Count => Volatile.Read(ref _count);
    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class SheetsTests_Sqlite(SqliteFactory app) : SheetsTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class SheetsTests_Postgres(PostgresFactory app) : SheetsTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class SheetsTests_SqlServer(SqlServerFactory app) : SheetsTests(app), IClassFixture<SqlServerFactory>;
