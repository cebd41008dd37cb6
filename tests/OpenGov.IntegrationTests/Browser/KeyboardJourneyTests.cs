using Microsoft.Playwright;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Proposals;

namespace OpenGov.IntegrationTests.Browser;

/// <summary>
/// Keyboard only: a citizen signs in, submits an idea (first empty, to land on the errors), supports another idea and
/// comments on it with Tab, Enter and Space (and typing, which also picks a select's option). At every Tab stop the
/// focused element must show a focus ring of at least 2 px whose colour has 3:1 contrast against what surrounds it.
/// </summary>
public sealed class KeyboardJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The focused element, its outline and the background around it (the first opaque ancestor).</summary>
    private const string FocusScript = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return { element: 'body', width: 0, ratio: 0 };
          const cs = getComputedStyle(el);
          const parse = (c) => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          let bg = [255, 255, 255], node = el.parentElement;
          while (node) { const c = parse(getComputedStyle(node).backgroundColor); if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) { bg = c; break; } node = node.parentElement; }
          const ring = parse(cs.outlineColor);
          const [hi, lo] = [lum(ring), lum(bg)].sort((a, b) => b - a);
          const width = cs.outlineStyle === 'none' ? 0 : parseFloat(cs.outlineWidth);
          const label = (el.getAttribute('name') || el.getAttribute('href') || el.textContent || '').trim().slice(0, 40);
          return { element: el.tagName.toLowerCase() + ' ' + label, width, ratio: (hi + 0.05) / (lo + 0.05) };
        }
        """;

    public sealed class FocusStop
    {
        public string Element { get; set; } = "";
        public double Width { get; set; }
        public double Ratio { get; set; }
    }

    private readonly List<string> _stops = [];

    /// <summary>Tabs until <paramref name="selector"/> has focus, checking that every stop on the way shows its focus.</summary>
    private async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<FocusStop>(FocusScript);
            if (stop.Element == "body") continue;
            _stops.Add(stop.Element);
            Assert.True(stop.Width >= 2 && stop.Ratio >= 3,
                $"Focus not visible on {page.Url} at <{stop.Element}>: outline {stop.Width}px, contrast {stop.Ratio:0.00}:1");
            if (await page.EvaluateAsync<bool>("s => document.activeElement.matches(s)", selector)) return;
        }
        throw new InvalidOperationException($"Tab never reached {selector} on {page.Url}.");
    }

    [Fact]
    public async Task A_citizen_signs_in_submits_supports_and_comments_with_the_keyboard_only_and_always_sees_the_focus()
    {
        var app = browser.App;
        _ = app.BaseUrl;
        var (cycleId, axisId) = await app.OpenCycleAsync();
        const string email = "clavier.journey@test.opengov.ma";
        await app.CreateUserAsync(email);
        var authorId = await app.CreateUserAsync("autrice.clavier@test.opengov.ma");
        var ideaId = await app.ProposalAsync(cycleId, axisId, authorId, "Cartographie ouverte des marchés publics");
        var page = await browser.NewPageAsync();

        // Sign in through the login page.
        await page.GotoAsync("/account/login");
        await TabToAsync(page, "input[name='Input.Email']");
        await page.Keyboard.TypeAsync(email);
        await TabToAsync(page, "input[name='Input.Password']");
        await page.Keyboard.TypeAsync(OpenGovFactory.Password);
        await TabToAsync(page, "[data-testid=login-form] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        // An empty submission: focus lands on the first field in error, which is marked invalid and described by its message.
        await page.GotoAsync($"/proposals/new?cycle={cycleId}");
        await TabToAsync(page, "[data-testid=submit-proposal]");
        await page.Keyboard.PressAsync("Enter");
        var title = page.Locator("input[name='Form.Title']");
        await Assertions.Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(title).ToBeFocusedAsync();
        var describedBy = await title.GetAttributeAsync("aria-describedby");
        await Assertions.Expect(page.Locator("#" + describedBy)).Not.ToBeEmptyAsync();

        // The idea, field by field.
        await page.Keyboard.TypeAsync("Publier les subventions au clavier");
        await TabToAsync(page, "textarea[name='Form.Problem']");
        await page.Keyboard.TypeAsync("Les subventions versées restent opaques pour les habitants.");
        await TabToAsync(page, "textarea[name='Form.Solution']");
        await page.Keyboard.TypeAsync("Un tableau ouvert des subventions, mis à jour chaque trimestre.");
        await TabToAsync(page, "select[name='Form.AxisId']");
        await page.Keyboard.TypeAsync("Axe");
        await TabToAsync(page, "select[name='Form.Region']");
        await page.Keyboard.TypeAsync("F");
        await TabToAsync(page, "textarea[name='Form.ExpectedImpact']");
        await page.Keyboard.TypeAsync("Moins de soupçons de favoritisme.");
        await TabToAsync(page, "[data-testid=submit-proposal]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("En attente de modération");

        // Support another idea with Space, comment on it with Enter.
        await page.GotoAsync($"/proposals/{ideaId}");
        await TabToAsync(page, "[data-testid=support-button]");
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByTestId("detail-support-count")).ToHaveTextAsync("1");
        await TabToAsync(page, "textarea[name='Comment.Body']");
        await page.Keyboard.TypeAsync("Indispensable pour la confiance.");
        await TabToAsync(page, "[data-testid=comment-submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("comment")).ToContainTextAsync("Indispensable pour la confiance.");
        Assert.True(_stops.Count > 20, $"Only {_stops.Count} focus stops checked.");
    }
}
