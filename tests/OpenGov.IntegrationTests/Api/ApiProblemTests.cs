using System.Net;
using System.Text.Json;
using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Api;

/// <summary>
/// Every error of the API is RFC 9457 problem+json (never the HTML error page, never exception text); the OpenAPI document
/// describes every operation with a summary, a 200 schema, an example and the 400/404/429 problems; the reference page
/// lists the same operations under the site's CSP.
/// </summary>
public abstract class ApiProblemTests(OpenGovFactory app)
{
    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    [Theory]
    [InlineData("/api/v1/no-such-route")]
    [InlineData("/api/nothing/here")]
    [InlineData("/api/v1/cycles/not-a-guid")]
    [InlineData("/api/v1/cycles/6f1d0c2e-1b1a-4a4e-9a3e-7d0c8d9e1f20")]
    [InlineData("/api/v1/cycles/6f1d0c2e-1b1a-4a4e-9a3e-7d0c8d9e1f20/standards")]
    [InlineData("/api/v1/cycles/6f1d0c2e-1b1a-4a4e-9a3e-7d0c8d9e1f20/workshops")]
    [InlineData("/api/v1/proposals/6f1d0c2e-1b1a-4a4e-9a3e-7d0c8d9e1f20/trace")]
    [InlineData("/api/v1/sheets/6f1d0c2e-1b1a-4a4e-9a3e-7d0c8d9e1f20/trace")]
    [InlineData("/api/v1/commitments/6f1d0c2e-1b1a-4a4e-9a3e-7d0c8d9e1f20/trace")]
    [InlineData("/api/v1/plans/6f1d0c2e-1b1a-4a4e-9a3e-7d0c8d9e1f20/progress")]
    [InlineData("/plan/6f1d0c2e-1b1a-4a4e-9a3e-7d0c8d9e1f20/export.json")]
    [InlineData("/plan/6f1d0c2e-1b1a-4a4e-9a3e-7d0c8d9e1f20/export.csv")]
    [InlineData("/events/6f1d0c2e-1b1a-4a4e-9a3e-7d0c8d9e1f20/event.ics")]
    public async Task Unknown_routes_and_ids_answer_404_problem_json(string url)
        => await AssertProblemAsync(await app.CreateBrowserlikeClient().GetAsync(url), HttpStatusCode.NotFound);

    [Theory]
    [InlineData("/api/v1/proposals?limit=abc")]
    [InlineData("/api/v1/sheets?cycleId=not-a-guid")]
    [InlineData("/api/v1/events?cursor=%EF%BF%BF")]
    public async Task Unreadable_parameters_answer_400_problem_json(string url)
        => await AssertProblemAsync(await app.CreateBrowserlikeClient().GetAsync(url), HttpStatusCode.BadRequest);

    [Fact]
    public async Task A_tampered_cursor_reads_as_the_first_page_and_a_wrong_method_is_a_problem_too()
    {
        var client = app.CreateBrowserlikeClient();
        var page = await client.GetAsync("/api/v1/proposals?cursor=not-a-real-cursor&limit=1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement.TryGetProperty("items", out _));
        await AssertProblemAsync(await client.DeleteAsync("/api/v1/cycles"), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Pages_keep_their_localized_html_error_page()
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/no-such-page-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_schema_an_example_and_the_problem_answers()
    {
        var response = await app.CreateBrowserlikeClient().GetAsync("/openapi/v1.json");
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var operations = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                var where = $"{op.Name} {path.Name}";
                operations++;
                Assert.False(string.IsNullOrWhiteSpace(op.Value.GetProperty("summary").GetString()), where);
                Assert.False(string.IsNullOrWhiteSpace(op.Value.GetProperty("description").GetString()), where);
                var responses = op.Value.GetProperty("responses");
                var ok = responses.GetProperty("200").GetProperty("content").EnumerateObject().First();
                Assert.True(ok.Value.TryGetProperty("schema", out _), where + " 200 schema");
                if (ok.Name.Contains("json", StringComparison.Ordinal))
                    Assert.True(ok.Value.TryGetProperty("example", out _), where + " 200 example");
                foreach (var status in new[] { "400", "404", "429" })
                {
                    var problem = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json");
                    Assert.Equal("#/components/schemas/ProblemDetails", problem.GetProperty("schema").GetProperty("$ref").GetString());
                    Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("example").GetProperty("status").GetInt32());
                }
            }
        Assert.True(operations >= 17, $"{operations} operations");
        var progress = doc.GetProperty("paths").GetProperty("/api/v1/plans/{id}/progress").GetProperty("get").GetProperty("responses")
            .GetProperty("200").GetProperty("content").GetProperty("application/json");
        Assert.Equal("#/components/schemas/PlanProgressDto", progress.GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(progress.GetProperty("example").TryGetProperty("commitments", out _));
    }

    [Theory]
    [InlineData("fr", "Référence de l'API")]
    [InlineData("ar", "مرجع واجهة البرمجة")]
    [InlineData("en", "API reference")]
    public async Task The_reference_page_lists_every_operation_under_the_csp(string culture, string title)
    {
        var client = app.CreateBrowserlikeClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var expected = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}")).Order().ToList();

        var response = await client.GetAsync($"/open-data/api?culture={culture}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await client.GetDocumentAsync($"/open-data/api?culture={culture}");
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        var shown = page.QuerySelectorAll("[data-testid=api-operation] h2").Select(h => string.Join(' ', h.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Order().ToList();
        Assert.Equal(expected, shown);
        var progress = page.QuerySelectorAll("[data-testid=api-operation]").Single(s => s.TextContent.Contains("/api/v1/plans/{id}/progress", StringComparison.Ordinal));
        Assert.Contains("PlanProgressDto", progress.TextContent, StringComparison.Ordinal);
        Assert.Contains("ProblemDetails", progress.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"commitments\"", progress.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        // Nothing is loaded from another origin: every script, style and image is the site's own.
        var loaded = page.QuerySelectorAll("script[src], link[href], img[src]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!);
        Assert.All(loaded, url => Assert.StartsWith("/", url, StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("script:not([src]), [style]"));

        var index = await client.GetDocumentAsync("/open-data");
        Assert.Equal("/open-data/api", index.QuerySelector("[data-testid=api-reference]")!.GetAttribute("href"));
    }
}

public sealed class ApiProblemTests_Sqlite(SqliteFactory app) : ApiProblemTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class ApiProblemTests_Postgres(PostgresFactory app) : ApiProblemTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class ApiProblemTests_SqlServer(SqlServerFactory app) : ApiProblemTests(app), IClassFixture<SqlServerFactory>;
