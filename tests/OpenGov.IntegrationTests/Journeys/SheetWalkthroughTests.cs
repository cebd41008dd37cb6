using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Follows;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Proposals;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Identity;
using static OpenGov.IntegrationTests.Journeys.JourneyKit;

namespace OpenGov.IntegrationTests.Journeys;

/// <summary>Issue 17, sheets and selection: each step walked through the real pages, mails read from the pickup folder.</summary>
public abstract class SheetWalkthroughTests(OpenGovFactory app)
{
    [Fact]
    public async Task A_comment_refused_because_the_consultation_closed_gives_the_typed_text_back()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche qui ferme"), days: 2);
        var (citizen, citizenId) = await app.SignedInClientAsync();
        var page = $"/sheets/{sheet}";
        var form = (IHtmlFormElement)(await citizen.GetDocumentAsync(page)).QuerySelector("details[data-section=problem] form")!;
        var saved = app.Clock.GetUtcNow();
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(3));
            await app.SignedInClientForAsync(citizenId, citizen);
            var refused = await citizen.SubmitShownFormAsync(form, page, Fields(("Comment.Body", "Un long avis tapé avec soin")));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var doc = Http.Parse(await refused.ReadTextAsync());
            Assert.Contains("n'est pas ouverte", doc.QuerySelector("[data-testid=comment-refused]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Un long avis tapé avec soin", doc.QuerySelector("[data-testid=refused-text]")!.TextContent);
        }
        finally
        {
            app.Clock.Set(saved);
        }
    }

    [Fact]
    public async Task The_consultation_extended_mail_has_a_working_unsubscribe_link()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche prolongée"), days: 2);
        var (_, followerId, email) = await app.SignedInClientAsync();
        await app.WithScopeAsync(sp => sp.GetRequiredService<Followers>().FollowAsync(followerId, FollowTarget.Sheet, sheet));
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var extend = $"/sheets/{sheet}/extend";
        var extended = await admin.SubmitFormAsync(extend, Fields(("NewClose", app.Clock.UtcNow.AddDays(9).ToString("yyyy-MM-ddTHH:mm")), ("Reason", "Demande des régions")));
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);

        var mail = await app.Mail.WaitForAsync(email, m => m.Subject.Contains("prolongée", StringComparison.Ordinal));
        var link = Regex.Match(mail.Text, @"https?://\S*/unsubscribe\?token=[^\s>]+").Value;
        Assert.NotEqual("", link);
        Assert.Contains(link, mail.Html.Replace("&amp;", "&"), StringComparison.Ordinal);
        var confirm = await app.CreateBrowserlikeClient().GetDocumentAsync(new Uri(link).PathAndQuery);
        Assert.Null(confirm.QuerySelector("[data-testid=unsubscribe-invalid]"));
        Assert.NotNull(confirm.QuerySelector("main form"));
    }

    [Fact]
    public async Task A_commenter_sees_a_confirmation_and_is_told_how_the_next_version_handled_the_comment()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche commentée"));
        // A busy section: the new comment comes after a full page of others.
        await app.WithScopeAsync(async sp =>
        {
            var commenting = sp.GetRequiredService<SheetCommenting>();
            for (var i = 0; i < SheetQueries.CommentsPerPage + 3; i++)
            {
                await commenting.CommentAsync(editorId, "Autre", sheet, "problem", $"Avis déjà là {i}", null);
                app.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        });
        var (citizen, citizenId, email) = await app.SignedInClientAsync();
        var page = $"/sheets/{sheet}";
        var posted = await citizen.SubmitFormAsync(page, Fields(("Comment.Body", "Préciser le calendrier")), "details[data-section=problem] form");
        var anchor = posted.Headers.Location!.ToString().Split('#')[1];
        var landed = await citizen.FollowAsync(posted);
        Assert.Contains("votre commentaire est publié", landed.QuerySelector("[data-testid=notice]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Préciser le calendrier", landed.GetElementById(anchor)!.TextContent, StringComparison.Ordinal);
        Assert.Null((await citizen.GetDocumentAsync(page)).QuerySelector("[data-testid=notice]"));

        // The lead agency publishes a new version that does not integrate it, with a reason: the commenter is told.
        var commentId = Guid.Parse(anchor["c-".Length..]);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>();
            var open = await db.Set<SheetComment>().Where(c => c.SheetId == sheet && c.Handling == CommentHandling.Open).Select(c => c.Id).ToListAsync();
            var editing = sp.GetRequiredService<SheetEditing>();
            await editing.SaveDraftAsync(editorId, sheet, SheetsTestKit.Content("Fiche commentée", "Une activité"));
            await editing.PublishAsync(editorId, "Éditeur", sheet, "Révision", null, null,
                open.Select(id => new CommentDecision(id, CommentHandling.NotIntegrated, "Hors du périmètre")).ToList());
        });
        var mail = await app.Mail.WaitForAsync(email, m => m.Subject.Contains("n'est pas intégré", StringComparison.Ordinal));
        Assert.Contains("Hors du périmètre", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/sheets/{sheet}#c-{commentId}", mail.Text, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Category == "sheet.comment.handled" && m.RecipientUserId == citizenId)));
    }

    [Fact]
    public async Task The_sheets_page_opens_on_a_cycle_that_has_sheets()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche du cycle précédent"));
        // A newer cycle, open now and therefore current, with no sheet yet.
        var (current, _) = await app.OpenCycleAsync();
        var doc = await app.CreateBrowserlikeClient().GetDocumentAsync("/sheets");
        Assert.NotEqual(current.ToString(), ((IHtmlSelectElement)doc.QuerySelector("select#cycle")!).Value);
        Assert.NotEmpty(doc.QuerySelectorAll(".sheet-list a[href^='/sheets/']"));
        // The visitor can still choose the new cycle, which says it has no sheet yet.
        var chosen = await app.CreateBrowserlikeClient().GetDocumentAsync($"/sheets?cycle={current}");
        Assert.Empty(chosen.QuerySelectorAll(".sheet-list a[href^='/sheets/']"));
        Assert.NotNull(await app.WithDbAsync(db => db.Set<Sheet>().SingleAsync(s => s.Id == sheet)));
    }

    [Fact]
    public async Task The_evaluation_names_its_cycle_offers_the_others_and_shows_a_scoring_form_only_to_committee_members()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche à évaluer"));
        var cycleId = await app.WithDbAsync(db => db.Set<Sheet>().Where(s => s.Id == sheet).Select(s => s.CycleId).SingleAsync());
        var cycleTitle = await app.WithDbAsync(db => db.Set<OpenGov.Consultation.Cycles.Cycle>().Where(c => c.Id == cycleId).Select(c => c.Title).SingleAsync());
        var (admin, adminId) = await app.SignedInClientAsync(Roles.Administrator);
        await app.WithScopeAsync(sp => sp.GetRequiredService<CommitteeEvaluation>().AddCriterionAsync(adminId, true, cycleId, "Pertinence", 50));
        await app.OpenCycleAsync();

        var evaluation = await admin.GetDocumentAsync($"/sheets/evaluation?cycle={cycleId}");
        Assert.Contains(cycleTitle, evaluation.QuerySelector("[data-testid=evaluation-cycle]")!.TextContent, StringComparison.Ordinal);
        var selector = (IHtmlSelectElement)evaluation.QuerySelector("[data-testid=cycle-selector] select")!;
        Assert.Equal(cycleId.ToString(), selector.Value);
        Assert.True(selector.Options.Length > 1);
        Assert.Empty(evaluation.QuerySelectorAll($"a[href='/sheets/{sheet}/score']"));
        Assert.Empty((await admin.GetDocumentAsync($"/sheets/{sheet}")).QuerySelectorAll($"a[href='/sheets/{sheet}/score']"));
        var adminScore = await admin.GetDocumentAsync($"/sheets/{sheet}/score");
        Assert.NotNull(adminScore.QuerySelector("[data-testid=score-members-only]"));
        Assert.Null(adminScore.QuerySelector("main form[method=post]"));

        var (member, _) = await app.SignedInClientAsync(Roles.CommitteeMember);
        Assert.NotEmpty((await member.GetDocumentAsync($"/sheets/evaluation?cycle={cycleId}")).QuerySelectorAll($"a[href='/sheets/{sheet}/score']"));
        var saved = await member.SubmitFormAsync($"/sheets/{sheet}/score", Fields(("Scores[0].Score", "3")), "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}

public sealed class SheetWalkthroughTests_Sqlite(SqliteFactory app) : SheetWalkthroughTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class SheetWalkthroughTests_Postgres(PostgresFactory app) : SheetWalkthroughTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class SheetWalkthroughTests_SqlServer(SqlServerFactory app) : SheetWalkthroughTests(app), IClassFixture<SqlServerFactory>;
