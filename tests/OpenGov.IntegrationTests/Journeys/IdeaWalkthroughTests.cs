using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Proposals;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Proposals;
using static OpenGov.IntegrationTests.Journeys.JourneyKit;

namespace OpenGov.IntegrationTests.Journeys;

/// <summary>Issue 17, ideas and comments: each step walked through the real pages as the user would.</summary>
public abstract class IdeaWalkthroughTests(OpenGovFactory app)
{
    [Fact]
    public async Task My_ideas_shows_an_empty_state_without_stray_code_then_a_table()
    {
        var (citizen, citizenId) = await app.SignedInClientAsync();
        var empty = await citizen.GetDocumentAsync("/proposals/mine");
        var main = empty.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("else", main, StringComparison.Ordinal);
        Assert.DoesNotContain("}", main, StringComparison.Ordinal);
        Assert.Null(empty.QuerySelector("main table"));
        Assert.Contains("Vous n", main, StringComparison.Ordinal);

        var (cycleId, axisId) = await app.OpenCycleAsync();
        await app.ProposalAsync(cycleId, axisId, citizenId, "Ma première idée");
        var one = await citizen.GetDocumentAsync("/proposals/mine");
        Assert.Contains("Ma première idée", one.QuerySelector("main table tbody")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("else", one.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idea_without_expected_impact_is_accepted()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (citizen, citizenId) = await app.SignedInClientAsync();
        var response = await citizen.SubmitFormAsync($"/proposals/new?cycle={cycleId}", Fields(
            ("Form.CycleId", cycleId.ToString()), ("Form.Title", "Sans impact écrit"), ("Form.Problem", "Un problème."),
            ("Form.Solution", "Une solution."), ("Form.AxisId", axisId.ToString()), ("Form.ExpectedImpact", "")),
            "form.proposal-form", "action", "submit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var p = await app.WithDbAsync(db => db.Set<Proposal>().SingleAsync(x => x.AuthorUserId == citizenId));
        Assert.Equal("", p.ExpectedImpact);
    }

    [Fact]
    public async Task A_refusal_because_the_collection_closed_does_not_switch_to_another_cycle()
    {
        var (closingId, closingAxis) = await app.OpenCycleAsync();
        var (otherId, _) = await app.OpenCycleAsync();
        var (citizen, citizenId) = await app.SignedInClientAsync();
        var url = $"/proposals/new?cycle={closingId}";
        var form = (IHtmlFormElement)(await citizen.GetDocumentAsync(url)).QuerySelector("form.proposal-form")!;
        Assert.Equal(closingId.ToString(), ((IHtmlSelectElement)form.QuerySelector("#Form_CycleId")!).Value);

        // Meanwhile the administrator ends that cycle's collection.
        await app.WithDbAsync(async db =>
        {
            var cycle = await db.Set<Cycle>().Include(c => c.Phases).SingleAsync(c => c.Id == closingId);
            cycle.ClosePhaseEarly(PhaseKind.ProposalCollection, app.Clock.UtcNow, "Fin anticipée", "admin");
            await db.SaveChangesAsync();
        });
        var refused = await citizen.SubmitShownFormAsync(form, url, Fields(("Form.Title", "Idée tardive"), ("Form.Problem", "p"),
            ("Form.Solution", "s"), ("Form.AxisId", closingAxis.ToString())), "action", "submit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = Http.Parse(await refused.ReadTextAsync());
        Assert.Contains("n'est pas ouverte", again.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        var select = (IHtmlSelectElement)again.QuerySelector("#Form_CycleId")!;
        Assert.Equal("", select.Value);
        Assert.Contains(select.Options, o => o.Value == otherId.ToString());

        // A second click on the form as shown files nothing anywhere: the cycle must be chosen.
        var second = await citizen.SubmitShownFormAsync((IHtmlFormElement)again.QuerySelector("form.proposal-form")!, url, null, "action", "submit");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(Http.Parse(await second.ReadTextAsync()).QuerySelector("[data-valmsg-for='Form.CycleId'].field-validation-error"));
        Assert.False(await app.WithDbAsync(db => db.Set<Proposal>().AnyAsync(p => p.AuthorUserId == citizenId)));
    }

    [Fact]
    public async Task A_published_idea_withdrawn_by_its_author_stays_readable_as_withdrawn_with_the_reason()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (author, authorId) = await app.SignedInClientAsync();
        var id = await app.ProposalAsync(cycleId, axisId, authorId, "Idée retirée ensuite");
        var (commenter, _) = await app.SignedInClientAsync();
        await commenter.PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Comment", Fields(("Comment.Body", "Un avis avant retrait")));
        var withdrawn = await author.SubmitFormAsync($"/proposals/{id}", Fields(("reason", "Reprise dans une autre idée")), "form[action*='handler=Withdraw']");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/proposals/{id}");
        Assert.Equal("Retirée", page.QuerySelector("[data-testid=proposal-status]")!.TextContent.Trim());
        Assert.Contains("Reprise dans une autre idée", page.QuerySelector(".alert-secondary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("[data-testid=comment]"), c => c.TextContent.Contains("Un avis avant retrait"));
        Assert.Null(page.QuerySelector("[data-testid=support-button]"));
        Assert.Null((await commenter.GetDocumentAsync($"/proposals/{id}")).QuerySelector("#comment-form"));

        // An idea withdrawn before publication was never public: still not found.
        var draft = await app.ProposalAsync(cycleId, axisId, authorId, "Jamais publiée", publish: false);
        await author.SubmitFormAsync($"/proposals/{draft}", Fields(("reason", "Finalement non")), "form[action*='handler=Withdraw']");
        Assert.Equal(ProposalStatus.Withdrawn, (await app.LoadProposalAsync(draft)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync($"/proposals/{draft}")).StatusCode);
    }

    [Fact]
    public async Task A_new_comment_beyond_the_first_page_is_shown_with_a_way_back_to_the_first_page()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (_, authorId) = await app.SignedInClientAsync();
        var id = await app.ProposalAsync(cycleId, axisId, authorId, "Idée très commentée");
        await app.WithScopeAsync(async sp =>
        {
            var engagement = sp.GetRequiredService<ProposalEngagement>();
            for (var i = 0; i < ProposalQueries.CommentsPageSize + 5; i++)
            {
                await engagement.CommentAsync(new Actor(authorId, "Auteur"), id, null, $"Avis numéro {i}");
                app.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        });
        var (commenter, _) = await app.SignedInClientAsync();
        var posted = await commenter.SubmitFormAsync($"/proposals/{id}", Fields(("Comment.Body", "Mon avis tout neuf")), "#comment-form");
        var location = posted.Headers.Location!.ToString();
        var anchor = location[(location.IndexOf('#') + 1)..];
        var page = await commenter.FollowAsync(posted);
        Assert.Contains("Commentaire publié", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mon avis tout neuf", page.GetElementById(anchor)!.TextContent, StringComparison.Ordinal);
        var back = page.QuerySelector("[data-testid=first-comments]")!;
        var first = await commenter.GetDocumentAsync(back.GetAttribute("href")!);
        Assert.Contains("Avis numéro 0", first.QuerySelector("[data-testid=comment]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(first.QuerySelector("[data-testid=first-comments]"));

        // A reply to a thread of the first page brings its author back there.
        var firstThread = first.QuerySelector("[data-testid=comment]")!.Id!["c-".Length..];
        var reply = await commenter.PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Comment",
            Fields(("Comment.Body", "Ma réponse"), ("Comment.ParentId", firstThread)));
        var replied = await commenter.FollowAsync(reply);
        var replyAnchor = reply.Headers.Location!.ToString().Split('#')[1];
        Assert.Contains("Ma réponse", replied.GetElementById(replyAnchor)!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reporter_whose_report_hides_the_idea_sees_a_confirmation()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (_, authorId) = await app.SignedInClientAsync();
        var id = await app.ProposalAsync(cycleId, axisId, authorId, "Idée signalée trois fois");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            var (reporter, _) = await app.SignedInClientAsync();
            last = await reporter.SubmitFormAsync($"/proposals/{id}", Fields(("reason", "Spam")), "form[action*='handler=Report']");
            Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
            var landing = await reporter.GetAsync(last.Headers.Location!.ToString());
            Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
            var doc = Http.Parse(await landing.ReadTextAsync());
            Assert.Contains("signalement a été transmis", doc.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal("/proposals/reported", last.Headers.Location!.ToString());
        Assert.True((await app.LoadProposalAsync(id)).IsHidden);
    }
}

public sealed class IdeaWalkthroughTests_Sqlite(SqliteFactory app) : IdeaWalkthroughTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class IdeaWalkthroughTests_Postgres(PostgresFactory app) : IdeaWalkthroughTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class IdeaWalkthroughTests_SqlServer(SqlServerFactory app) : IdeaWalkthroughTests(app), IClassFixture<SqlServerFactory>;
