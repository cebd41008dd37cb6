using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OpenGov.IntegrationTests.Infrastructure;

/// <summary>Drives the site like a browser without one: read a page, fill its form (antiforgery token included), post.</summary>
public static class Http
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}: {Truncate(html)}");
        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Loads <paramref name="pageUrl"/>, takes the form matching <paramref name="formSelector"/> (the first form with
    /// an antiforgery token by default), overlays <paramref name="fields"/> on its inputs and posts it to its action.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl,
        IDictionary<string, string> fields, string? formSelector = null, string? submitName = null, string? submitValue = null)
    {
        var doc = await client.GetDocumentAsync(pageUrl);
        var form = (formSelector is null
            ? doc.QuerySelectorAll("form").OfType<IHtmlFormElement>().FirstOrDefault(f => f.QuerySelector("input[name=__RequestVerificationToken]") is not null && f.Action is not null && !f.Action.EndsWith("/culture", StringComparison.Ordinal) && !f.Action.EndsWith("/account/logout", StringComparison.Ordinal))
            : doc.QuerySelector(formSelector) as IHtmlFormElement)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await client.SubmitShownFormAsync(form, pageUrl, fields, submitName, submitValue);
    }

    /// <summary>Posts a form of an already loaded page as a browser would: the values it shows (the selected option, checked
    /// boxes...), overlaid with <paramref name="fields"/>. Walks a redisplayed form after a refusal.</summary>
    public static Task<HttpResponseMessage> SubmitShownFormAsync(this HttpClient client, IHtmlFormElement form, string pageUrl,
        IDictionary<string, string>? fields = null, string? submitName = null, string? submitValue = null)
    {
        fields ??= new Dictionary<string, string>();
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = input.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name)) continue;
            switch (input)
            {
                case IHtmlInputElement i when i.Type is "checkbox" or "radio":
                    if (i.IsChecked) values.Add(new(name, i.Value));
                    break;
                case IHtmlInputElement i when i.Type is "submit" or "button":
                    break;
                case IHtmlInputElement i:
                    values.Add(new(name, i.Value));
                    break;
                case IHtmlSelectElement s:
                    values.Add(new(name, s.Value ?? ""));
                    break;
                case IHtmlTextAreaElement t:
                    values.Add(new(name, t.Value));
                    break;
            }
        }
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        if (submitName is not null) values.Add(new(submitName, submitValue ?? ""));
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts raw form fields with the antiforgery token taken from <paramref name="tokenPageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string tokenPageUrl, string postUrl, IDictionary<string, string> fields)
    {
        var doc = await client.GetDocumentAsync(tokenPageUrl);
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPageUrl}.");
        var values = fields.ToDictionary(f => f.Key, f => f.Value);
        values["__RequestVerificationToken"] = token;
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in through the login form (POST /account/login with Input.Email and Input.Password).</summary>
    public static async Task LoginAsync(this HttpClient client, string email, string password)
    {
        var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var html = await response.Content.ReadAsStringAsync();
            var errors = Parser.ParseDocument(html).QuerySelector("[data-testid=login-errors]")?.TextContent.Trim();
            throw new InvalidOperationException($"Login of {email} failed: {(int)response.StatusCode} {errors} {Truncate(html)}");
        }
    }

    /// <summary>Refused to a signed-in user: 403, or the cookie handler's redirect to the access-denied page.</summary>
    public static void AssertForbidden(HttpResponseMessage response, string? what = null)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/access-denied", StringComparison.Ordinal)),
            $"{what} expected a refusal, got {(int)response.StatusCode} {location}");
    }

    /// <summary>Refused to an anonymous visitor: the cookie handler's redirect to the login page.</summary>
    public static void AssertSignInRequired(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    public static async Task<string> ReadTextAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static string Truncate(string s) => s.Length > 3000 ? s[..3000] : s;
}
