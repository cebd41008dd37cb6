using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Meetings;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Search;

namespace OpenGov.IntegrationTests.Search;

/// <summary>Public content beyond proposals reaches the site search when it becomes public and leaves it when it stops being.</summary>
public abstract class ContentIndexingTests(OpenGovFactory app)
{
    private Task<IReadOnlyList<SearchHit>> SearchAsync(string q, string kind)
        => app.WithScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().SearchAsync(q, kind));

    [Fact]
    public async Task Meeting_minutes_are_searchable_once_published_and_not_while_in_draft()
    {
        var word = "quorumzeta" + Guid.NewGuid().ToString("N")[..6];
        var input = new MeetingInput(CommitteeKind.Steering, "Comité de pilotage", new DateOnly(2026, 3, 4), "Rabat", false,
            $"Le comité valide la **{word}** du plan.", ["Ouverture", "Validation"], [("Amina", "Ministère")], []);
        var id = await app.WithScopeAsync(sp => sp.GetRequiredService<MeetingService>().CreateAsync("admin", input));
        Assert.Empty(await SearchAsync(word, SearchKinds.Meeting));

        await app.WithScopeAsync(sp => sp.GetRequiredService<MeetingService>().SetPublishedAsync("admin", id, true));
        var hit = Assert.Single(await SearchAsync(word, SearchKinds.Meeting));
        Assert.Equal($"/meetings/{id}", hit.Url);
        Assert.Equal("Comité de pilotage", hit.Title);

        await app.WithScopeAsync(sp => sp.GetRequiredService<MeetingService>().SetPublishedAsync("admin", id, false));
        Assert.Empty(await SearchAsync(word, SearchKinds.Meeting));
        // Edits to a draft never leak into the search either.
        await app.WithScopeAsync(sp => sp.GetRequiredService<MeetingService>().UpdateAsync("admin", id, input with { Title = "Brouillon " + word }));
        Assert.Empty(await SearchAsync(word, SearchKinds.Meeting));
    }
}

public sealed class ContentIndexingTests_Sqlite(SqliteFactory app) : ContentIndexingTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class ContentIndexingTests_Postgres(PostgresFactory app) : ContentIndexingTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class ContentIndexingTests_SqlServer(SqlServerFactory app) : ContentIndexingTests(app), IClassFixture<SqlServerFactory>;
