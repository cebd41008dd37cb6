using System.Net;
using AngleSharp.Html.Dom;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Foundation;

/// <summary>
/// Finds the forms of the pages each role reaches from the home page and posts each one empty and with hostile values in
/// French, Arabic and English: no 500, no English framework message, no C# name, no exception text.
/// </summary>
public abstract class FormCrawlTests(OpenGovFactory app)
{
    private static readonly string[] Forbidden = ["is not valid for", "The value '", "(Parameter", "Exception", "Input.", "Form."];
    private static readonly string[] Hostile = ["", "31/02/2026 10h", "abc", new string('x', 60_000), string.Concat(Enumerable.Repeat("> ", 2_000)) + "x", "a\fb\0c"];

    public static TheoryData<string> Roles => new() { "", OpenGov.Web.Identity.Roles.Citizen, OpenGov.Web.Identity.Roles.Moderator, OpenGov.Web.Identity.Roles.Administrator };

    [Theory, MemberData(nameof(Roles))]
    public async Task Every_form_refuses_bad_input_in_the_visitors_language(string role)
    {
        var client = role == "" ? app.CreateBrowserlikeClient() : (await app.SignedInClientAsync(role)).Client;
        var seen = new HashSet<string>();
        var queue = new Queue<string>(["/", "/proposals/new", "/events/open-gov-week/submit", "/account/register", "/associations/register", "/plan/admin", "/admin/content/edit", "/sheets/evaluation"]);
        var forms = new Dictionary<string, (string Page, IHtmlFormElement Form)>();
        var failures = new List<string>();
        while (queue.Count > 0 && seen.Count < 60)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url)) continue;
            var response = await client.GetAsync(url);
            if ((int)response.StatusCode >= 500) failures.Add($"GET {url}: {(int)response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var doc = Http.Parse(await response.ReadTextAsync());
            foreach (var a in doc.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!.Split('#')[0]))
                if (!a.StartsWith("/account/logout") && !a.StartsWith("/api") && !a.Contains('.') && !a.StartsWith("/culture")) queue.Enqueue(a);
            foreach (var form in doc.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>())
            {
                var action = form.GetAttribute("action") ?? url;
                if (action.StartsWith("/culture") || action.StartsWith("/account/logout")) continue;
                var key = action.Split('?')[0] + "|" + string.Join(",", form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")));
                forms.TryAdd(key, (url, form));
            }
        }
        Assert.NotEmpty(forms);
        var cultures = new[] { "fr", "ar", "en" };
        var i = 0;
        foreach (var (page, form) in forms.Values)
            foreach (var value in Hostile)
            {
                var culture = cultures[i++ % 3];
                var fields = new List<KeyValuePair<string, string>>();
                foreach (var input in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
                {
                    var name = input.GetAttribute("name")!;
                    var type = input.GetAttribute("type");
                    fields.Add(new(name, name == "__RequestVerificationToken" || type is "hidden" or "checkbox" or "radio" or "submit" ? input.GetAttribute("value") ?? "" : value));
                }
                var action = form.GetAttribute("action") ?? page;
                var target = action + (action.Contains('?') ? "&" : "?") + "culture=" + culture;
                var response = await client.PostAsync(target, new FormUrlEncodedContent(fields));
                var html = await response.ReadTextAsync();
                if ((int)response.StatusCode >= 500) { failures.Add($"POST {action} ({culture}, {value[..Math.Min(value.Length, 15)]}): {(int)response.StatusCode}"); continue; }
                var text = Http.Parse(html).QuerySelectorAll(".text-danger, .validation-summary-errors, .alert, [data-valmsg-for]").Select(e => e.TextContent)
                    .Concat(Http.Parse(html).QuerySelectorAll("[data-val-required], [aria-label]").SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("data-val") || a.Name == "aria-label").Select(a => a.Value)));
                foreach (var t in text)
                {
                    // The framework's English default ("The Title field is required."), not the site's own "This field is required."
                    if (System.Text.RegularExpressions.Regex.IsMatch(t, @"\bThe \S.* field is required")) failures.Add($"POST {action} ({culture}): \"{t.Trim()}\"");
                    foreach (var bad in Forbidden.Where(b => t.Contains(b, StringComparison.Ordinal)))
                        failures.Add($"POST {action} ({culture}): \"{t.Trim()[..Math.Min(t.Trim().Length, 120)]}\"");
                }
                if (culture != "en" && html.Contains("aria-label=\"breadcrumb\"", StringComparison.Ordinal)) failures.Add($"{page}: English breadcrumb label");
            }
        Assert.True(failures.Count == 0, $"{forms.Count} forms; " + string.Join("\n", failures.Distinct().Take(40)));
    }
}

public sealed class FormCrawlTests_Sqlite(SqliteFactory app) : FormCrawlTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class FormCrawlTests_Postgres(PostgresFactory app) : FormCrawlTests(app), IClassFixture<PostgresFactory>;
