using System.Net;
using System.Text;
using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Foundation;

/// <summary>Requests the site cannot understand answer 400 (or 405) with the error page in the visitor's language, never a 500.</summary>
public abstract class MalformedRequestTests(OpenGovFactory app)
{
    public static TheoryData<string, string> Languages => new()
    {
        { "fr", "Requête incorrecte" },
        { "ar", "طلب غير صحيح" },
        { "en", "Bad request" },
    };

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string title)
    {
        var html = await response.ReadTextAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed,
            $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        if (response.StatusCode == HttpStatusCode.BadRequest) Assert.True(html.Contains(title, StringComparison.Ordinal), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} [{System.Text.RegularExpressions.Regex.Match(html, "<h1[^>]*>[^<]*").Value}]");
    }

    private async Task<(HttpClient Client, string Token)> ClientWithTokenAsync()
    {
        var client = app.CreateBrowserlikeClient();
        var doc = await client.GetDocumentAsync("/account/login");
        return (client, doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task A_broken_multipart_body_is_a_localized_400(string culture, string title)
    {
        var (client, token) = await ClientWithTokenAsync();
        var body = new StringContent($"--xyz\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--xyz\r\nContent-Disp", Encoding.UTF8);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        await AssertRefusedAsync(await client.PostAsync($"/account/login?culture={culture}", body), title);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task A_form_with_a_NUL_byte_or_a_field_named_code_is_a_localized_400(string culture, string title)
    {
        var (client, _) = await ClientWithTokenAsync();
        var nul = new StringContent("Input.Email=a%00b&code=%00&Input.Password=\0", Encoding.UTF8, "application/x-www-form-urlencoded");
        await AssertRefusedAsync(await client.PostAsync($"/account/login?culture={culture}", nul), title);
        var code = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "not-a-number" });
        await AssertRefusedAsync(await client.PostAsync($"/proposals?culture={culture}", code), title);
        var invalidBytes = new ByteArrayContent([0x61, 0x3D, 0xFF, 0xFE, 0x26, 0x62, 0x3D, 0xC3]);
        invalidBytes.Headers.ContentType = new("application/x-www-form-urlencoded");
        await AssertRefusedAsync(await client.PostAsync($"/account/login?culture={culture}", invalidBytes), title);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task More_than_1024_form_keys_is_a_localized_400(string culture, string title)
    {
        var (client, token) = await ClientWithTokenAsync();
        var fields = Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"k{i}", "v"))
            .Append(new("__RequestVerificationToken", token));
        await AssertRefusedAsync(await client.PostAsync($"/account/login?culture={culture}", new FormUrlEncodedContent(fields)), title);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Trace_and_invalid_unicode_queries_are_refused(string culture, string title)
    {
        var client = app.CreateBrowserlikeClient();
        foreach (var path in new[] { $"/proposals/{Guid.NewGuid()}", $"/events/{Guid.NewGuid()}" })
            await AssertRefusedAsync(await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, $"{path}?culture={culture}")), title);
        await AssertRefusedAsync(await client.GetAsync($"/search?q=%EF%BF%BE&culture={culture}"), title);
        // Invalid UTF-8 bytes are decoded as U+FFFD by the server: an ordinary search.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/search?q=%ED%A0%80x&culture={culture}")).StatusCode);
    }

    [Fact]
    public async Task The_api_answers_bad_parameters_with_problem_json_without_exception_text()
    {
        var client = app.CreateBrowserlikeClient();
        var response = await client.GetAsync("/api/v1/proposals?limit=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadTextAsync();
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to bind", body, StringComparison.Ordinal);
    }
}

public sealed class MalformedRequestTests_Sqlite(SqliteFactory app) : MalformedRequestTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class MalformedRequestTests_Postgres(PostgresFactory app) : MalformedRequestTests(app), IClassFixture<PostgresFactory>;
