using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Content;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Proposals;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.IntegrationTests.Tracking;
using OpenGov.SharedKernel.Search;
using OpenGov.Tracking.Plans;

namespace OpenGov.IntegrationTests.Platform;

/// <summary>Anonymous public pages are served from the output cache, and a change to what they show is visible on the next
/// request (on this instance) or within the poll interval (on another instance sharing the database).</summary>
public abstract class PageCachingTests(OpenGovFactory app)
{
    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Two anonymous reads (the second from the cache: it carries an Age header), the change, then the next read shows it.</summary>
    private async Task AssertFreshAfterChange(string url, Func<Task<string>> change)
    {
        var client = app.CreateBrowserlikeClient();
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        var cached = await client.GetAsync(url);
        Assert.True(cached.Headers.Age is not null, $"{url} was not served from the cache");
        Assert.False(cached.Headers.Contains("Set-Cookie"));
        var expected = await change();
        var html = await client.GetStringAsync(url);
        if (!html.Contains(WebUtility.HtmlEncode(expected), StringComparison.Ordinal))
        {
            // Diagnose: a request with another cookie bypasses the cache.
            using var bypass = new HttpRequestMessage(HttpMethod.Get, url);
            bypass.Headers.Add("Cookie", "other=1");
            var fresh = await (await app.CreateClient().SendAsync(bypass)).Content.ReadAsStringAsync();
            Assert.Fail($"{url} stale; uncached rendering has it: {fresh.Contains(WebUtility.HtmlEncode(expected), StringComparison.Ordinal)}");
        }
    }

    private async Task<Guid> PublishedProposalAsync(string title)
    {
        var (cycle, axis) = await app.OpenCycleAsync();
        var author = await app.CreateUserAsync($"author-{Guid.NewGuid():N}@example.ma");
        return await app.ProposalAsync(cycle, axis, author, title);
    }

    [Fact]
    public async Task Home_shows_a_news_item_on_the_next_request() => await AssertFreshAfterChange("/", async () =>
    {
        var title = Unique("Actualite");
        await app.WithScopeAsync(sp => sp.GetRequiredService<ContentEditing>().SaveAsync(null, ContentKind.News, "n-" + Guid.NewGuid().ToString("N")[..10],
            new LocalizedText(title, "Texte"), null, null, publish: true, "admin"));
        return title;
    });

    [Fact]
    public async Task Proposal_list_shows_a_published_proposal_on_the_next_request()
    {
        await PublishedProposalAsync(Unique("Idée"));
        await AssertFreshAfterChange("/proposals", async () =>
        {
            var title = Unique("Nouvelle idee");
            await PublishedProposalAsync(title);
            return title;
        });
    }

    [Fact]
    public async Task Proposal_page_shows_a_comment_on_the_next_request()
    {
        var id = await PublishedProposalAsync(Unique("Idee commentee"));
        await AssertFreshAfterChange($"/proposals/{id}", async () =>
        {
            var body = Unique("Un commentaire");
            var user = await app.CreateUserAsync($"c-{Guid.NewGuid():N}@example.ma");
            await app.WithScopeAsync(sp => sp.GetRequiredService<ProposalEngagement>().CommentAsync(new OpenGov.Consultation.Proposals.Actor(user, "Lectrice"), id, null, body));
            return body;
        });
    }

    [Fact]
    public async Task Sheet_page_shows_a_comment_on_the_next_request()
    {
        var (agency, _, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content(Unique("Fiche"), "A1"));
        await AssertFreshAfterChange($"/sheets/{sheet}", async () =>
        {
            var body = Unique("Remarque");
            var user = await app.CreateUserAsync($"s-{Guid.NewGuid():N}@example.ma");
            await app.WithScopeAsync(sp => sp.GetRequiredService<SheetCommenting>().CommentAsync(user, "Lecteur", sheet, SheetSections.Problem, body, null));
            return body;
        });
    }

    [Fact]
    public async Task Plan_page_shows_a_renamed_commitment_on_the_next_request()
    {
        var ids = await PlanT_.CreateAsync(app);
        await AssertFreshAfterChange($"/plan/{ids.Plan}", async () =>
        {
            var title = Unique("Engagement renomme");
            await app.WithDbAsync(async db =>
            {
                var c = await db.Set<Commitment>().SingleAsync(x => x.Id == ids.CommitmentA);
                c.Edit(c.Number, title, c.LeadAgency, c.Problem, c.Description);
                await db.SaveChangesAsync();
            });
            return title;
        });
    }

    [Fact]
    public async Task Search_shows_a_new_entry_on_the_next_request()
    {
        var word = "mot" + Guid.NewGuid().ToString("N")[..8];
        await AssertFreshAfterChange($"/search?q={word}", async () =>
        {
            var title = Unique("Entree " + word);
            await app.WithScopeAsync(async sp =>
            {
                await sp.GetRequiredService<ISearchIndex>().UpsertAsync(SearchKinds.News, Guid.NewGuid().ToString(), title, "corps", "/news/x");
                await sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>().SaveChangesAsync();
            });
            return title;
        });
    }

    [Fact]
    public async Task A_signed_in_visitor_never_gets_the_anonymous_page_and_an_anonymous_one_never_gets_theirs()
    {
        var id = await PublishedProposalAsync(Unique("Idée partagée"));
        var anonymous = app.CreateBrowserlikeClient();
        await anonymous.GetAsync($"/proposals/{id}");
        var cached = await anonymous.GetAsync($"/proposals/{id}");
        Assert.NotNull(cached.Headers.Age);
        Assert.DoesNotContain("__RequestVerificationToken", await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (signedIn, _, email) = await app.SignedInClientAsync();
        var mine = await signedIn.GetAsync($"/proposals/{id}");
        Assert.Null(mine.Headers.Age);
        var doc = await signedIn.GetDocumentAsync($"/proposals/{id}");
        Assert.NotNull(doc.QuerySelector("[data-testid=account-link]"));
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token));
        // Antiforgery intact: the signed-in visitor's form posts with their token.
        var support = await signedIn.PostAsync($"/proposals/{id}?handler=Support",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token! }));
        Assert.Equal(HttpStatusCode.Redirect, support.StatusCode);
        var forged = await signedIn.PostAsync($"/proposals/{id}?handler=Support", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // And the signed-in rendering never reaches the anonymous visitor.
        var again = await anonymous.GetStringAsync($"/proposals/{id}");
        Assert.DoesNotContain("account-link", again, StringComparison.Ordinal);
        Assert.DoesNotContain(email, again, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_through_one_instance_is_visible_on_another_within_the_poll_interval()
    {
        await using var other = new PeerFactory(app);
        await other.InitializeAsync();
        var id = await PublishedProposalAsync(Unique("Idée vue ailleurs"));
        var reader = other.CreateBrowserlikeClient();
        await reader.GetAsync($"/proposals/{id}");
        Assert.NotNull((await reader.GetAsync($"/proposals/{id}")).Headers.Age);

        var body = Unique("Commentaire sur la premiere instance");
        var user = await app.CreateUserAsync($"p-{Guid.NewGuid():N}@example.ma");
        await app.WithScopeAsync(sp => sp.GetRequiredService<ProposalEngagement>().CommentAsync(new OpenGov.Consultation.Proposals.Actor(user, "Lectrice"), id, null, body));
        var watch = Stopwatch.StartNew();
        while (!(await reader.GetStringAsync($"/proposals/{id}")).Contains(body, StringComparison.Ordinal))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "the other instance still serves the old page");
            await Task.Delay(100);
        }
        // Polled every second (plus a request's time on a loaded test machine).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"seen after {watch.Elapsed}");
    }
}

public sealed class PageCachingTests_Sqlite(SqliteFactory app) : PageCachingTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class PageCachingTests_Postgres(PostgresFactory app) : PageCachingTests(app), IClassFixture<PostgresFactory>;
