using System.Text.RegularExpressions;

namespace OpenGov.UnitTests.Foundation;

/// <summary>
/// Tests sign in one way: OpenGovFactory.SignedInClientAsync / SignedInClientForAsync (the real login form) or, in a browser,
/// the login page (BrowserSignIn). This guard fails if a test-only authentication scheme, a hand-made principal or a minted
/// authentication cookie comes back anywhere under tests/.
/// </summary>
public sealed partial class TestSignInGuardTests
{
    private static readonly (Regex Pattern, string Why)[] Forbidden =
    [
        (AddAuthentication(), "a test-only authentication scheme"),
        (AddScheme(), "a test-only authentication scheme"),
        (HandlerSubclass(), "a test-only authentication handler"),
        (UserAssignment(), "a principal set by hand on the request"),
        (Ticket(), "a minted authentication ticket or cookie"),
        (TicketFormat(), "a minted authentication cookie"),
        (CookieInjection(), "a cookie added by hand instead of a real login"),
        (UserHeader(), "a header naming the user"),
    ];

    /// <summary>The login form is driven directly only by the one helper and by the tests of the login itself.</summary>
    private static readonly string[] LoginFormAllowed =
    [
        "OpenGov.IntegrationTests/Infrastructure/Http.cs",
        "OpenGov.IntegrationTests/Infrastructure/OpenGovFactory.cs",
        "OpenGov.IntegrationTests/Foundation/AccountTests.cs",
        "OpenGov.IntegrationTests/Foundation/RateLimitAndOperatorTests.cs",
        "OpenGov.IntegrationTests/Proposals/AccountBlockingTests.cs", // its subject: a blocked user's login is refused, then allowed
    ];

    [Fact]
    public void No_test_signs_in_any_other_way_than_the_real_login()
    {
        var offences = new List<string>();
        foreach (var (path, text) in TestSources())
        {
            foreach (var (pattern, why) in Forbidden)
                if (pattern.Match(text) is { Success: true } m) offences.Add($"{path}: {why} ('{m.Value}')");
            if (LoginCall().IsMatch(text) && !LoginFormAllowed.Contains(path, StringComparer.Ordinal))
                offences.Add($"{path}: calls LoginAsync directly; sign in with SignedInClientAsync / SignedInClientForAsync");
        }
        Assert.True(offences.Count == 0, "Sign in with OpenGovFactory.SignedInClientAsync (docs/conventions.md, Tests):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_guard_recognises_the_idioms_it_forbids()
    {
        string[] samples =
        [
            "services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, H>(\"T\", null);",
            "sealed class H(...) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)",
            "if (user is not null) context.User = await signIn.CreateUserPrincipalAsync(user);",
            "return options.TicketDataFormat.Protect(new AuthenticationTicket(principal, \"Identity.Application\"));",
            "await context.AddCookiesAsync([new Cookie { Name = \"opengov.auth\", Value = v }]);",
            "client.DefaultRequestHeaders.Add(\"X-Test-User\", id);",
        ];
        Assert.All(samples, s => Assert.Contains(Forbidden, f => f.Pattern.IsMatch(s)));
        Assert.DoesNotContain(Forbidden, f => f.Pattern.IsMatch("var (client, id) = await app.SignedInClientAsync(Roles.Moderator);"));
    }

    private static IEnumerable<(string Path, string Text)> TestSources()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OpenGov.sln"))) root = root.Parent;
        var tests = Path.Combine(root?.FullName ?? throw new InvalidOperationException("OpenGov.sln not found"), "tests");
        var sep = Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(tests, file).Replace(sep, '/');
            if (path.Contains("/obj/", StringComparison.Ordinal) || path.Contains("/bin/", StringComparison.Ordinal)
                || path.EndsWith("/" + nameof(TestSignInGuardTests) + ".cs", StringComparison.Ordinal)) continue;
            yield return (path, File.ReadAllText(file));
        }
    }

    [GeneratedRegex(@"\bAddAuthentication\s*\(")] private static partial Regex AddAuthentication();
    [GeneratedRegex(@"\bAddScheme\s*<")] private static partial Regex AddScheme();
    [GeneratedRegex(@"\bAuthenticationHandler\s*<")] private static partial Regex HandlerSubclass();
    [GeneratedRegex(@"\b(context|Context|HttpContext|ctx)\.User\s*=[^=]")] private static partial Regex UserAssignment();
    [GeneratedRegex(@"\bnew\s+AuthenticationTicket\s*\(")] private static partial Regex Ticket();
    [GeneratedRegex(@"\bTicketDataFormat\b|\bCookieAuthenticationOptions\b")] private static partial Regex TicketFormat();
    [GeneratedRegex(@"\bAddCookiesAsync\s*\(|\bnew\s+(System\.Net\.)?Cookie\s*\(|\bCookieContainerHandler\b")] private static partial Regex CookieInjection();
    [GeneratedRegex(@"X-Test-User", RegexOptions.IgnoreCase)] private static partial Regex UserHeader();
    [GeneratedRegex(@"\.LoginAsync\s*\(")] private static partial Regex LoginCall();
}
