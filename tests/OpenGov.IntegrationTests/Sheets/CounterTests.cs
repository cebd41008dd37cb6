using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Sheets;

/// <summary>Counters kept on rows are incremented in SQL in the change's transaction: a sheet's comment count once lost
/// concurrent comments (+1,885 for 10,437), because it was a "+1" on a loaded entity.</summary>
public abstract class CounterTests(OpenGovFactory app)
{
    [Fact]
    public async Task Twenty_parallel_comments_on_one_sheet_count_twenty()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche comptée", "Activité A"));
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<SheetCommenting>().CommentAsync(editorId, "x", sheet, SheetSections.Problem, $"Commentaire {i}", null)))));
        Assert.Equal(20, ids.Distinct().Count());
        var (count, rows) = await app.WithDbAsync(async db => (
            await db.Set<Sheet>().Where(s => s.Id == sheet).Select(s => s.CommentCount).SingleAsync(),
            await db.Set<SheetComment>().CountAsync(c => c.SheetId == sheet)));
        Assert.Equal((20, 20), (count, rows));
    }

    [Fact]
    public async Task A_reply_counts_once_on_its_parent_comment()
    {
        var (cycleId, axisId) = await Proposals.ProposalsTestKit.OpenCycleAsync(app);
        var authorId = await app.CreateUserAsync($"r{Guid.NewGuid():N}"[..20] + "@test.opengov.ma");
        var proposal = await Proposals.ProposalsTestKit.ProposalAsync(app, cycleId, axisId, authorId, "Idée commentée");
        var actor = new Actor(authorId, "Auteur");
        var parent = await app.WithScopeAsync(sp => sp.GetRequiredService<ProposalEngagement>().CommentAsync(actor, proposal, null, "Premier"));
        await app.WithScopeAsync(sp => sp.GetRequiredService<ProposalEngagement>().CommentAsync(actor, proposal, parent, "Réponse"));
        var (replies, comments) = await app.WithDbAsync(async db => (
            await db.Set<ProposalComment>().Where(c => c.Id == parent).Select(c => c.ReplyCount).SingleAsync(),
            await db.Set<Proposal>().Where(p => p.Id == proposal).Select(p => p.CommentCount).SingleAsync()));
        Assert.Equal((1, 2), (replies, comments));
    }
}

public sealed class CounterTests_Sqlite(SqliteFactory app) : CounterTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class CounterTests_Postgres(PostgresFactory app) : CounterTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class CounterTests_SqlServer(SqlServerFactory app) : CounterTests(app), IClassFixture<SqlServerFactory>;
