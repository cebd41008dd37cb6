using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Browser;

/// <summary>
/// The accessibility gate (WCAG 2.1 AA): every public and back-office page, with the demo data, in French, Arabic and
/// English, run through axe-core in a real Chromium. A page fails on any serious or critical violation, on a title that
/// is not "Page — OpenGov", on a wrong <c>lang</c>, and when it scrolls sideways at 390 px. One browser, one context per
/// audience and language; each failure is listed as "audience lang path: rule (impact) target".
/// </summary>
public sealed partial class AccessibilityGateTests(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    private static readonly string[] Languages = ["fr", "ar", "en"];

    /// <summary>The demo cycle with sheets, scores and a synthesis report (the current cycle is a later one).</summary>
    private const string Cycle2024 = "3a0e5c0b-2024-4d4e-9a11-000000000003";

    /// <summary>Pages per audience; {placeholders} are resolved from links the demo data shows (see <see cref="Links"/>).</summary>
    private static readonly Dictionary<string, (string? Email, string[] Paths)> Audiences = new()
    {
        ["public"] = (null,
        [
            "/", "/cycles", "/cycles/{cycle}", "/cycles/{cycle}/feedback", "/cycles/{cycle}/report",
            "/cycles/" + Cycle2024 + "/report", "/proposals", "/proposals/{proposal}",
            "/sheets", "/sheets?cycle=" + Cycle2024, "/sheets/{sheet}", "{comparePath}", "/sheets/selection",
            "/plan", "/plan/{plan}", "/plan/commitments/{commitment}", "/plan/activities/{activity}", "/plan/{plan}/report",
            "/cycles/{cycle}/standards", "/cycles/" + Cycle2024 + "/standards",
            "/associations", "/associations/{association}", "/forum", "/forum/threads/{thread}",
            "/committees", "/meetings", "/meetings/{meeting}", "/meetings/decisions",
            "/events", "/events/{event}", "/events/open-gov-week", "/events/open-gov-week/submit",
            "/search?q=budget", "/news", "/news/{news}", "/pages/about", "/open-data", "/open-data/api",
            "/account/login", "/account/register", "/account/forgot-password", "/account/resend-confirmation",
            "/account/check-inbox", "/account/access-denied", "/error/404", "/no-such-page",
        ]),
        ["citizen"] = ("citoyen@demo.opengov.ma",
        [
            "/proposals/new", "/proposals/mine", "/account/manage", "/account/manage/change-password",
            "/account/notifications", "/associations/register",
        ]),
        ["association"] = ("association@demo.opengov.ma", ["/forum/new"]),
        ["moderator"] = ("moderateur@demo.opengov.ma",
        [
            "/moderation", "/associations/moderation", "/events/moderation", "/events/new",
            "/cycles/{cycle}/feedback/manage", "/cycles/{cycle}/feedback/templates",
        ]),
        ["lead"] = ("administration@demo.opengov.ma",
        [
            "/plan/manage", "{leadCommitmentPath}", "/sheets/new", "{leadSheetPath}", "{leadSheetTranslationPath}",
        ]),
        ["facilitator"] = ("animateur@demo.opengov.ma", ["/workshops", "/workshops/new"]),
        ["committee"] = ("comite@demo.opengov.ma", ["/sheets/evaluation", "/sheets/{sheet}/score"]),
        ["administrator"] = ("admin@demo.opengov.ma",
        [
            "/admin", "/admin/users", "/admin/users/{user}", "/admin/users/{user}/role?role=Moderator", "/admin/audit",
            "/admin/cycles", "/admin/cycles/{cycle}", "/admin/content", "/admin/content/edit", "/admin/outbox",
            "/plan/admin", "/plan/admin/{plan}", "/plan/admin/{plan}?focal={commitment}", "/plan/admin/adopt", "/sheets/admin/agencies", "/sheets/{sheet}/extend",
            "/committees/{committee}/edit", "/meetings/edit", "/meetings/edit/{meeting}", "/meetings/decisions?status=All",
            "/admin/translations/plan/{plan}", "/admin/translations/commitment/{commitment}", "/admin/translations/cycle/{cycle}",
        ]),
    };

    /// <summary>Placeholder → (page that links to it, path pattern). Resolved once per fixture, as an administrator.</summary>
    private static readonly (string Key, string From, string Pattern)[] Links =
    [
        ("cycle", "/cycles", @"^/cycles/[0-9a-f-]{36}$"),
        ("proposal", "/proposals", @"^/proposals/[0-9a-f-]{36}$"),
        ("sheet", "/sheets?cycle=" + Cycle2024, @"^/sheets/[0-9a-f-]{36}$"),
        ("plan", "/plan", @"^/plan/[0-9a-f-]{36}$"),
        ("commitment", "/plan/{plan}", @"^/plan/commitments/[0-9a-f-]{36}$"),
        ("activity", "/plan/commitments/{commitment}", @"^/plan/activities/[0-9a-f-]{36}$"),
        ("association", "/associations", @"^/associations/[0-9a-f-]{36}$"),
        ("thread", "/forum", @"^/forum/threads/[0-9a-f-]{36}$"),
        ("meeting", "/meetings", @"^/meetings/[0-9a-f-]{36}$"),
        ("event", "/events", @"^/events/[0-9a-f-]{36}$"),
        ("news", "/news", @"^/news/[a-z0-9-]+$"),
        ("user", "/admin/users", @"^/admin/users/[^/]+$"),
        ("committee", "/committees", @"^/committees/[0-9a-f-]{36}/edit$"),
    ];

    private static readonly ConditionalWeakTable<DemoBrowserFixture, Task<Dictionary<string, string>>> Resolved = new();

    public static TheoryData<string> AudienceNames => new(Audiences.Keys);

    [Theory]
    [MemberData(nameof(AudienceNames))]
    public async Task Every_page_has_no_serious_axe_violation_a_real_title_and_no_sideways_scroll_at_390px(string audience)
    {
        var values = await Resolved.GetValue(browser, ResolveAsync);
        var (email, paths) = Audiences[audience];
        if (audience == "lead")
        {
            // The project lead's own commitment and sheet (editors only reach their agency's).
            var lead = await SignedInPageAsync(email!);
            values["leadCommitmentPath"] = await FirstLinkAsync(lead, "/plan/manage", @"^/plan/manage/commitments/[0-9a-f-]{36}$");
            values["leadSheetPath"] = await LinkOnASheetAsync(lead, "/edit");
            // The same sheet's side-by-side translation form, which its agency's editors reach too.
            values["leadSheetTranslationPath"] = "/admin/translations/sheet/" + values["leadSheetPath"].Split('/')[2];
            await lead.Context.CloseAsync();
        }
        var failures = new List<string>();
        foreach (var lang in Languages)
        {
            var page = email is null ? await NewPageAsync() : await SignedInPageAsync(email);
            await ChooseLanguageAsync(page, lang);
            foreach (var template in paths)
            {
                var path = Fill(template, values);
                failures.AddRange((await CheckPageAsync(page, path, lang)).Select(f => $"{audience} {lang} {path}: {f}"));
            }
            await page.Context.CloseAsync();
        }
        Assert.True(failures.Count == 0, $"{failures.Count} accessibility failures:\n" + string.Join("\n", failures));
    }

    /// <summary>The public traceability pages (idea → response → sheet → commitment → activities, and the plan they roll up to),
    /// and the cycle's synthesis report that sums the first steps up.</summary>
    private static readonly string[] TraceabilityPaths =
    [
        "/proposals/{proposal}", "/sheets/{sheet}", "/plan/{plan}", "/plan/commitments/{commitment}", "/plan/activities/{activity}", "/plan/{plan}/report",
        "/cycles/" + Cycle2024 + "/report",
    ];

    /// <summary>
    /// Heading levels on the traceability pages and the synthesis report never skip one (an h1 then an h3): axe's <c>heading-order</c>, a best-practice
    /// rule outside the WCAG tags the gate above runs, failing here on any impact, beside the gate's own checks of each page.
    /// </summary>
    [Fact]
    public async Task Traceability_and_report_pages_keep_heading_levels_in_order()
    {
        var values = await Resolved.GetValue(browser, ResolveAsync);
        var failures = new List<string>();
        foreach (var lang in new[] { "fr", "ar" })
        {
            var page = await NewPageAsync();
            await ChooseLanguageAsync(page, lang);
            foreach (var template in TraceabilityPaths)
            {
                var path = Fill(template, values);
                failures.AddRange((await CheckPageAsync(page, path, lang)).Select(f => $"{lang} {path}: {f}"));
                var result = await page.RunAxe(new AxeRunOptions
                {
                    RunOnly = new RunOnlyOptions { Type = "rule", Values = ["heading-order"] },
                    ResultTypes = [ResultType.Violations],
                });
                foreach (var violation in result.Violations)
                    foreach (var node in violation.Nodes)
                        failures.Add($"{lang} {path}: {violation.Id} ({violation.Impact}) {node.Target}");
            }
            await page.Context.CloseAsync();
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures));
    }

    /// <summary>The language is chosen like a visitor does, with the switcher in the navbar (it keeps the choice in a cookie).</summary>
    private static async Task ChooseLanguageAsync(IPage page, string lang)
    {
        await page.GotoAsync("/pages/about");
        await page.Locator($".language-switcher button[value={lang}]").ClickAsync();
        await page.WaitForFunctionAsync("l => document.documentElement.lang === l", lang);
    }

    private static async Task<List<string>> CheckPageAsync(IPage page, string path, string lang)
    {
        var failures = new List<string>();
        await page.SetViewportSizeAsync(1280, 900);
        var response = await page.GotoAsync(path);
        var expectedError = path is "/error/404" or "/no-such-page" or "/account/access-denied";
        if (response is null || (response.Status >= 400 && !expectedError)) failures.Add($"HTTP {response?.Status}");
        if (await page.Locator("html").GetAttributeAsync("lang") != lang) failures.Add("html lang is not " + lang);
        var title = await page.TitleAsync();
        if (!title.EndsWith(" — OpenGov", StringComparison.Ordinal) || title.Length <= " — OpenGov".Length) failures.Add($"title \"{title}\"");

        // At 1280 px the expanded navbar fits on one row, whatever the role and language (an administrator in French too).
        var layout = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.querySelector('nav.navbar').offsetHeight]");
        if (layout[0] > layout[1]) failures.Add($"scrolls sideways at 1280 px ({layout[0]} > {layout[1]})");
        if (layout[2] > 80) failures.Add($"navbar wraps at 1280 px ({layout[2]} px high)");

        var result = await page.RunAxe(new AxeRunOptions
        {
            // WCAG 2.0/2.1 A and AA rules only: the gate's standard, and faster than every best-practice rule too.
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            ResultTypes = [ResultType.Violations],
        });
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            foreach (var node in violation.Nodes)
                failures.Add($"{violation.Id} ({violation.Impact}) {node.Target}");

        await page.SetViewportSizeAsync(390, 844);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] > widths[1]) failures.Add($"scrolls sideways at 390 px ({widths[0]} > {widths[1]})");
        return failures;
    }

    private async Task<Dictionary<string, string>> ResolveAsync(DemoBrowserFixture fixture)
    {
        var page = await SignedInPageAsync("admin@demo.opengov.ma");
        var values = new Dictionary<string, string>();
        foreach (var (key, from, pattern) in Links)
        {
            var link = await FirstLinkAsync(page, Fill(from, values), pattern);
            // Keys ending in "Path" keep the whole link; others the id, the last segment (the committee's comes before "/edit").
            if (key.EndsWith("Path", StringComparison.Ordinal)) { values[key] = link; continue; }
            var segments = link.Split('/', StringSplitOptions.RemoveEmptyEntries);
            values[key] = segments[^1] == "edit" ? segments[^2] : segments[^1];
        }
        // Only the revised demo sheet links to a comparison of its versions.
        values["comparePath"] = await LinkOnASheetAsync(page, "/compare?from=");
        await page.Context.CloseAsync();
        return values;
    }

    private static async Task<string> FirstLinkAsync(IPage page, string from, string pattern)
    {
        await page.GotoAsync(from);
        return (await LinksAsync(page)).FirstOrDefault(p => Regex.IsMatch(p, pattern))
            ?? throw new InvalidOperationException($"No link matching {pattern} on {from} with the demo data.");
    }

    /// <summary>The first link containing <paramref name="part"/> on one of the demo sheets' pages.</summary>
    private static async Task<string> LinkOnASheetAsync(IPage page, string part)
    {
        await page.GotoAsync("/sheets?cycle=" + Cycle2024);
        foreach (var sheet in (await LinksAsync(page)).Where(l => Regex.IsMatch(l, @"^/sheets/[0-9a-f-]{36}$")).Distinct().ToList())
        {
            await page.GotoAsync(sheet);
            if ((await LinksAsync(page)).FirstOrDefault(l => l.Contains(part, StringComparison.Ordinal)) is { } link) return link;
        }
        throw new InvalidOperationException($"No demo sheet page links to {part}.");
    }

    private static Task<string[]> LinksAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href]'), a => a.pathname + a.search)");

    private static string Fill(string template, Dictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : throw new KeyNotFoundException(m.Value));

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.App.BaseUrl });
        context.SetDefaultTimeout(15000);
        return await context.NewPageAsync();
    }

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var userId = await browser.App.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id);
        var page = await NewPageAsync();
        await page.SignInAsync(browser.App, userId);
        return page;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
