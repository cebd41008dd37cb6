using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Reports;
using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Reports;

/// <summary>
/// The synthesis report's figures, aggregated by the database, against counts made by hand on a small cycle built to hold
/// every case that could be counted twice or wrongly: authors with several ideas (distinct participants per axis, region and
/// type), a hidden idea and a submitted one (not public, but their authors took part), a draft (no participant), a draft
/// response (not an answer), a published response on the hidden idea (not counted), supporters and commenters who wrote
/// no idea, and another cycle's idea and people (never counted here).
/// </summary>
public abstract class ReportFiguresTests(OpenGovFactory app)
{
    private sealed record Seeded(Guid CycleId, IReadOnlyList<Guid> PublicIdeasInPublicationOrder);

    private async Task<Seeded> SeedAsync()
    {
        var now = app.Clock.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..6];
        string U(string name) => $"{name}-{tag}";
        var cycle = new Cycle(Guid.NewGuid(), "Cycle chiffres " + tag, "", 2024, 2027, now);
        var a = cycle.AddAxis("transparence", "Transparence", "الشفافية", "Transparency");
        var b = cycle.AddAxis("participation", "Participation", "المشاركة", "Participation");
        var other = new Cycle(Guid.NewGuid(), "Autre cycle " + tag, "", 2024, 2027, now);
        var otherAxis = other.AddAxis("transparence", "Transparence", "الشفافية", "Transparency");
        var ideas = new List<Proposal>();
        var order = 0;

        Proposal Idea(Cycle c, string author, Guid axis, string region, SubmitterType type, bool publish = true, bool submit = true)
        {
            var association = type == SubmitterType.Association ? Guid.NewGuid() : (Guid?)null;
            var p = new Proposal(Guid.NewGuid(), c.Id, author, "Auteur " + author, type, association, association is null ? null : "Association " + author,
                new ProposalContent($"Idée {++order} {tag}", "Problème", "Solution", axis, region, "Impact"), now.AddMinutes(-100 + order));
            if (submit) p.Submit(now.AddMinutes(-90 + order));
            if (publish) p.Publish(now.AddMinutes(-80 + order));
            return p;
        }

        // Six public ideas: 1, 2, 4, 6 on axis A; 3, 5 on axis B.
        var i1 = Idea(cycle, U("u1"), a.Id, "oriental", SubmitterType.Citizen);
        var i2 = Idea(cycle, U("u1"), a.Id, "oriental", SubmitterType.Citizen);
        var i3 = Idea(cycle, U("u2"), b.Id, "national", SubmitterType.Citizen);
        var i4 = Idea(cycle, U("u3"), a.Id, "souss-massa", SubmitterType.Citizen);
        var i5 = Idea(cycle, U("u4"), b.Id, "national", SubmitterType.Association);
        var i6 = Idea(cycle, U("u4"), a.Id, "oriental", SubmitterType.Association);
        ideas.AddRange([i1, i2, i3, i4, i5, i6]);
        var hidden = Idea(cycle, U("u5"), a.Id, "oriental", SubmitterType.Citizen);
        hidden.Hide();
        var submitted = Idea(cycle, U("u6"), b.Id, "national", SubmitterType.Citizen, publish: false);
        var draft = Idea(cycle, U("u7"), b.Id, "national", SubmitterType.Citizen, publish: false, submit: false);
        var elsewhere = Idea(other, U("u1"), otherAxis.Id, "oriental", SubmitterType.Citizen);

        var supports = new List<ProposalSupport>();
        var comments = new List<ProposalComment>();
        void Support(Proposal p, string user) { supports.Add(new ProposalSupport(p.Id, user, now)); p.SupportAdded(); }
        void Comment(Proposal p, string user) { comments.Add(new ProposalComment(p.Id, null, user, "Nom", "Commentaire.", now)); p.CommentAdded(); }
        Support(i1, U("s1")); Support(i1, U("u2"));
        Support(i3, U("s1"));
        Support(i5, U("s1")); Support(i5, U("u1")); Support(i5, U("k1"));
        Comment(i1, U("k1"));
        Comment(i3, U("k1")); Comment(i3, U("u3"));
        Support(hidden, U("s2")); Comment(hidden, U("k2"));
        Support(elsewhere, U("x1"));

        ProposalResponse Response(Proposal p, ResponseState state, bool publish = true)
        {
            var r = new ProposalResponse(p.Id, p.CycleId, state, null, "Réponse motivée.", "moderator", now);
            if (publish) r.Publish("moderator", now);
            return r;
        }
        var responses = new[]
        {
            Response(i1, ResponseState.Retained), Response(i2, ResponseState.PartlyRetained), Response(i3, ResponseState.NotRetained, publish: false),
            Response(i5, ResponseState.OutOfScope), Response(i6, ResponseState.Retained), Response(hidden, ResponseState.Retained),
            Response(elsewhere, ResponseState.Retained),
        };

        await app.WithDbAsync(async db =>
        {
            db.AddRange(cycle, other);
            db.AddRange(ideas);
            db.AddRange(hidden, submitted, draft, elsewhere);
            db.AddRange(supports);
            db.AddRange(comments);
            db.AddRange(responses);
            await db.SaveChangesAsync();
        });
        return new Seeded(cycle.Id, ideas.Select(p => p.Id).ToList());
    }

    [Fact]
    public async Task The_figures_aggregated_in_the_database_match_the_counts_made_by_hand()
    {
        var seeded = await SeedAsync();
        var report = (await app.WithScopeAsync(sp => sp.GetRequiredService<SynthesisReports>().BuildAsync(seeded.CycleId, "fr")))!;

        // Authors u1–u6 (the draft's u7 is not one), supporters s1, s2 (on the hidden idea) and commenter k1, k2; not x1.
        Assert.Equal(10, report.Participants);
        Assert.Equal(6, report.Ideas);
        Assert.Equal(2 + 1 + 3, report.Supports); // public ideas only: the hidden idea's support is not one
        Assert.Equal(1 + 2, report.Comments);
        Assert.Equal(
            [new Breakdown("transparence", "Transparence", 4, 3), new Breakdown("participation", "Participation", 2, 2)],
            report.ByAxis);
        Assert.Equal(
            [new Breakdown("oriental", "oriental", 3, 2), new Breakdown("national", "national", 2, 2), new Breakdown("souss-massa", "souss-massa", 1, 1)],
            report.ByRegion);
        Assert.Equal(
            [new Breakdown("Association", "Association", 2, 1), new Breakdown("Citizen", "Citizen", 4, 3)],
            report.BySubmitterType);
        Assert.Equal(
            [new ParticipationFigure("Retained", 2), new ParticipationFigure("MergedIntoSheet", 0), new ParticipationFigure("PartlyRetained", 1),
             new ParticipationFigure("NotRetained", 0), new ParticipationFigure("OutOfScope", 1)],
            report.ResponsesByState);
        Assert.Equal(4, report.Answered);
        Assert.Equal(seeded.PublicIdeasInPublicationOrder, report.IdeasWithResponses.Select(i => i.Id));
        Assert.Equal([ResponseState.Retained, ResponseState.PartlyRetained, null, null, ResponseState.OutOfScope, ResponseState.Retained],
            report.IdeasWithResponses.Select(i => i.State));

        // A bounded list of ideas leaves every figure as it is.
        var bounded = (await app.WithScopeAsync(sp => sp.GetRequiredService<SynthesisReports>().BuildAsync(seeded.CycleId, "fr", ideaLimit: 2)))!;
        Assert.Equal(seeded.PublicIdeasInPublicationOrder.Take(2), bounded.IdeasWithResponses.Select(i => i.Id));
        Assert.Equal((report.Participants, report.Ideas, report.Supports, report.Comments, report.Answered),
            (bounded.Participants, bounded.Ideas, bounded.Supports, bounded.Comments, bounded.Answered));
        Assert.Equal(report.ByAxis, bounded.ByAxis);
        Assert.Equal(report.ByRegion, bounded.ByRegion);
        Assert.Equal(report.BySubmitterType, bounded.BySubmitterType);
        Assert.Equal(report.ResponsesByState, bounded.ResponsesByState);

        // The page shows the same figures.
        var html = await app.CreateBrowserlikeClient().GetDocumentAsync($"/cycles/{seeded.CycleId}/report");
        string Figure(string key) => html.QuerySelector($"[data-figure={key}]")!.TextContent;
        Assert.Equal(["10", "6", "3", "6", "4"], new[] { Figure("participants"), Figure("ideas"), Figure("comments"), Figure("supports"), Figure("answered") });
        var tables = html.QuerySelectorAll(".synthesis-report .col-lg-4 table tbody")
            .Select(t => t.QuerySelectorAll("tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList()).ToList();
        Assert.Equal(["Transparence|4|3", "Participation|2|2"], tables[0]);
        Assert.Equal(["Oriental|3|2", "National|2|2", "Souss-Massa|1|1"], tables[1]);
        Assert.Equal(["Association|2|1", "Citoyen·ne|4|3"], tables[2]);
        var states = html.QuerySelectorAll("table.w-auto tbody tr").Select(r => r.Children[1].TextContent).ToList();
        Assert.Equal(["2", "0", "1", "0", "1"], states);
        Assert.Equal(6, html.QuerySelectorAll("[data-testid=report-idea]").Length);
    }
}

public sealed class ReportFiguresTests_Sqlite(SqliteFactory app) : ReportFiguresTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class ReportFiguresTests_Postgres(PostgresFactory app) : ReportFiguresTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class ReportFiguresTests_SqlServer(SqlServerFactory app) : ReportFiguresTests(app), IClassFixture<SqlServerFactory>;
