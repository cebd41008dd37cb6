using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Follows;
using OpenGov.IntegrationTests.Feedback;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Cycles;

/// <summary>The cycle page ties the features together: response coverage, links to feedback, report and sheets, follow button.</summary>
public abstract class CyclePageTests(OpenGovFactory app)
{
    [Fact]
    public async Task The_cycle_page_shows_the_response_coverage_the_links_and_a_follow_button()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 3);
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var published = $"/cycles/{cycle.Id}/feedback/answer/{cycle.Ideas[0].Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostWithTokenAsync(published, published + "?handler=Publish", new Dictionary<string, string>
        {
            ["Input.State"] = "Retained", ["Input.Justification"] = "Retenue.",
        })).StatusCode);
        // A draft answer is not public: it does not count.
        var draft = $"/cycles/{cycle.Id}/feedback/answer/{cycle.Ideas[1].Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostWithTokenAsync(draft, draft + "?handler=Save", new Dictionary<string, string>
        {
            ["Input.State"] = "Retained", ["Input.Justification"] = "Brouillon.",
        })).StatusCode);

        var anonymous = app.CreateBrowserlikeClient();
        var page = await anonymous.GetDocumentAsync($"/cycles/{cycle.Id}");
        var documents = page.QuerySelector("[data-testid=cycle-documents]")!;
        Assert.Contains("1 idées sur 3", documents.QuerySelector("[data-testid=feedback-coverage]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/cycles/{cycle.Id}/feedback", documents.QuerySelector("[data-testid=link-feedback]")!.GetAttribute("href"));
        Assert.Equal($"/cycles/{cycle.Id}/report", documents.QuerySelector("[data-testid=link-report]")!.GetAttribute("href"));
        Assert.Equal($"/sheets?cycle={cycle.Id}", documents.QuerySelector("[data-testid=link-sheets]")!.GetAttribute("href"));
        Assert.Equal($"/sheets/selection?cycle={cycle.Id}", documents.QuerySelector("[data-testid=link-selection]")!.GetAttribute("href"));
        foreach (var link in new[] { $"/cycles/{cycle.Id}/feedback", $"/cycles/{cycle.Id}/report", $"/sheets?cycle={cycle.Id}", $"/sheets/selection?cycle={cycle.Id}" })
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        // Visitors are invited to sign in to follow.
        Assert.Contains("/account/login", page.QuerySelector("[data-testid=cycle-follow] a")!.GetAttribute("href"), StringComparison.Ordinal);

        var (user, userId) = await app.SignedInClientAsync();
        var follow = await user.SubmitFormAsync($"/cycles/{cycle.Id}", new Dictionary<string, string>(), "[data-testid=cycle-follow] form");
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.Equal($"/cycles/{cycle.Id}", follow.Headers.Location!.OriginalString);
        Assert.Equal([userId], await app.WithScopeAsync(sp => sp.GetRequiredService<Followers>().FollowerIdsAsync(FollowTarget.Cycle, cycle.Id)));
        Assert.NotNull((await user.GetDocumentAsync($"/cycles/{cycle.Id}")).QuerySelector("[data-testid=cycle-follow] [data-testid=unfollow]"));
    }

    [Fact]
    public async Task The_arabic_cycle_page_is_right_to_left_with_translated_links()
    {
        var cycle = await FeedbackSeed.CycleAsync(app, 1);
        var client = app.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync($"/cycles/{cycle.Id}?culture=ar");
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("تقرير تركيب الإنشاء المشترك", page.QuerySelector("[data-testid=link-report]")!.TextContent);
    }
}

public sealed class CyclePageTests_Sqlite(SqliteFactory app) : CyclePageTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class CyclePageTests_Postgres(PostgresFactory app) : CyclePageTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class CyclePageTests_SqlServer(SqlServerFactory app) : CyclePageTests(app), IClassFixture<SqlServerFactory>;
