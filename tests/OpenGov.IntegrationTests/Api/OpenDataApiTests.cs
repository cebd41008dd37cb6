using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Events;
using OpenGov.Consultation.Proposals;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel;

namespace OpenGov.IntegrationTests.Api;

public abstract class OpenDataApiTests(OpenGovFactory app) : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private Guid _cycleId;
    private const string AuthorId = "author-user-id-secret";
    private const string AuthorEmailLike = "@";

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _cycleId = await app.WithDbAsync(async db =>
            {
                var existing = db.Set<Cycle>().Where(c => c.Title == "Cycle API").Select(c => c.Id).FirstOrDefault();
                if (existing != Guid.Empty) return existing;
                var now = app.Clock.UtcNow;
                var cycle = new Cycle(Guid.NewGuid(), "Cycle API", "Description", 2026, 2028, now);
                var axis = cycle.AddAxis("integrity", "Intégrité", "النزاهة", "Integrity");
                cycle.SetPhase(PhaseKind.ProposalCollection, now.AddDays(-5), now.AddDays(5));
                db.Add(cycle);
                for (var i = 0; i < 7; i++)
                {
                    var p = new Proposal(Guid.NewGuid(), cycle.Id, AuthorId, "Samira C.", SubmitterType.Citizen, null, null,
                        new ProposalContent($"Idée publique {i}", "Problème", "Solution", axis.Id, Regions.National, "Impact"), now);
                    p.Submit(now);
                    p.Publish(now.AddMinutes(i % 3)); // ties on the keyset's first key
                    db.Add(p);
                }
                var hidden = new Proposal(Guid.NewGuid(), cycle.Id, AuthorId, "Samira C.", SubmitterType.Citizen, null, null,
                    new ProposalContent("Idée masquée", "P", "S", axis.Id, Regions.National, "I"), now);
                hidden.Submit(now);
                hidden.Publish(now);
                hidden.Hide();
                db.Add(hidden);
                var draft = new Proposal(Guid.NewGuid(), cycle.Id, AuthorId, "Samira C.", SubmitterType.Citizen, null, null,
                    new ProposalContent("Idée brouillon", "P", "S", axis.Id, Regions.National, "I"), now);
                db.Add(draft);
                await db.SaveChangesAsync();
                return cycle.Id;
            });
        }
        finally { Gate.Release(); }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await app.CreateBrowserlikeClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.ReadTextAsync()).RootElement;
    }

    [Fact]
    public async Task Published_proposals_page_by_cursor_without_duplicates_nor_hidden_ones_nor_personal_data()
    {
        var titles = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync($"/api/v1/proposals?cycleId={_cycleId}&limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 3);
            foreach (var item in items)
            {
                titles.Add(item.GetProperty("title").GetString()!);
                Assert.Equal("Samira C.", item.GetProperty("authorDisplayName").GetString());
                Assert.Equal(JsonValueKind.Null, item.GetProperty("response").ValueKind);
                var raw = item.GetRawText();
                Assert.DoesNotContain(AuthorId, raw, StringComparison.Ordinal);
                Assert.DoesNotContain(AuthorEmailLike, raw, StringComparison.Ordinal);
                Assert.DoesNotContain("authorUserId", raw, StringComparison.OrdinalIgnoreCase);
            }
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
        } while (cursor is not null && pages < 10);
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"Idée publique {i}").Order(), titles.Order());
        Assert.DoesNotContain("Idée masquée", titles);
        Assert.DoesNotContain("Idée brouillon", titles);
    }

    [Fact]
    public async Task Cycles_events_and_the_openapi_document_have_their_shape()
    {
        var cycles = await GetJsonAsync("/api/v1/cycles");
        var cycle = cycles.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == _cycleId);
        Assert.Equal("ProposalCollection", cycle.GetProperty("currentPhase").GetString());
        Assert.Equal("integrity", cycle.GetProperty("axes")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync($"/api/v1/cycles/{Guid.NewGuid()}")).StatusCode);

        await app.WithScopeAsync(async sp =>
        {
            var submissions = sp.GetRequiredService<OpenGovWeekSubmissions>();
            await submissions.SubmitAsync(new EventDetails("Événement API en attente", "", EventType.OpenGovWeek, null, null,
                app.Clock.UtcNow.AddDays(3), app.Clock.UtcNow.AddDays(3).AddHours(1), Event.DefaultTimeZone, null, "Rabat", "rabat-sale-kenitra", 10),
                OrganiserKind.Association, "Asso API", "private-contact@asso.ma", "fr");
            await sp.GetRequiredService<EventManagement>().CreateAsync(new EventDetails("Événement API publié", "", EventType.ThematicWorkshop, null, null,
                app.Clock.UtcNow.AddDays(3), app.Clock.UtcNow.AddDays(3).AddHours(1), Event.DefaultTimeZone, null, "Rabat", "rabat-sale-kenitra", 10),
                "Ministère", "staff-user-id-secret");
        });
        var events = await GetJsonAsync("/api/v1/events?limit=100");
        var raw = events.GetRawText();
        Assert.Contains("Événement API publié", events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        Assert.DoesNotContain("Événement API en attente", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("private-contact", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-user-id-secret", raw, StringComparison.Ordinal);
        Assert.Equal("Africa/Casablanca", events.GetProperty("items")[0].GetProperty("timeZone").GetString());

        var openApi = await GetJsonAsync("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/cycles", "/api/v1/proposals", "/api/v1/events", "/api/v1/news" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Fact]
    public async Task The_open_data_page_links_the_dumps_and_states_the_licence()
    {
        var client = app.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync("/open-data");
        Assert.Contains("ODbL", page.Body!.TextContent, StringComparison.Ordinal);
        var csvLink = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h == $"/open-data/cycles/{_cycleId}/proposals.csv");
        var csv = await (await client.GetAsync(csvLink)).ReadTextAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,cycleId,title", lines[0], StringComparison.Ordinal);
        Assert.Equal(8, lines.Length);
        Assert.DoesNotContain(AuthorId, csv, StringComparison.Ordinal);
        var json = JsonDocument.Parse(await (await client.GetAsync($"/open-data/cycles/{_cycleId}/proposals.json")).ReadTextAsync()).RootElement;
        Assert.Equal(7, json.GetArrayLength());
    }
}

public sealed class OpenDataApiTests_Sqlite(SqliteFactory app) : OpenDataApiTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class OpenDataApiTests_Postgres(PostgresFactory app) : OpenDataApiTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class OpenDataApiTests_SqlServer(SqlServerFactory app) : OpenDataApiTests(app), IClassFixture<SqlServerFactory>;

/// <summary>The API's fixed-window limit per IP answers 429 once exhausted.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.LowLimitFactory app) : IClassFixture<ApiRateLimitTests.LowLimitFactory>
{
    public sealed class LowLimitFactory : OpenGovFactory
    {
        public override string ProviderName => "Sqlite";
        protected override string ConnectionString => $"Data Source={Path.Combine(WorkDir, "opengov.db")}";
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RateLimiting:ApiPermitsPerMinute"] = "3" };
    }

    [Fact]
    public async Task Too_many_requests_get_429()
    {
        var client = app.CreateBrowserlikeClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) codes.Add((await client.GetAsync("/api/v1/cycles")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
        // The plan exports count against the same limit (unlimited, an unknown plan would answer 404).
        var export = await client.GetAsync($"/plan/{Guid.NewGuid()}/export.json");
        Assert.Equal(HttpStatusCode.TooManyRequests, export.StatusCode);
        Assert.NotNull(export.Headers.RetryAfter);
        // The same problem+json as the API, with the wait in seconds.
        var refused = await client.GetAsync("/api/v1/cycles");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("retryAfterSeconds").GetInt32() > 0);
        Assert.Equal("application/problem+json", export.Content.Headers.ContentType?.MediaType);
    }
}
