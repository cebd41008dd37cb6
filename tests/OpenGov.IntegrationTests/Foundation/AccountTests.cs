using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Foundation;

/// <summary>Self-service accounts end to end: register, confirm by e-mail, sign in, lockout, password policy, reset, block.</summary>
public abstract partial class AccountTests(OpenGovFactory app)
{
    private static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24] + "@example.ma";

    private static Dictionary<string, string> RegistrationForm(string email, string password = OpenGovFactory.Password, string? confirm = null) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "Leïla Bennani",
        ["Input.Organisation"] = "Association Tafra",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    private static string LinkIn(ReceivedMail mail, string path)
    {
        var match = Regex.Match(mail.Text, $@"https?://[^\s/]+(?<local>{Regex.Escape(path)}\?\S+)");
        Assert.True(match.Success, $"No {path} link in: {mail.Text}");
        return match.Groups["local"].Value;
    }

    private static async Task<string> LoginErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Http.Parse(await response.ReadTextAsync()).QuerySelector("[data-testid=login-errors]")!.TextContent;
    }

    private static Task<HttpResponseMessage> TryLoginAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task Registration_sends_a_confirmation_link_that_enables_sign_in()
    {
        var client = app.CreateBrowserlikeClient();
        var email = NewEmail("reg");
        var response = await client.SubmitFormAsync("/account/register", RegistrationForm(email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/check-inbox", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var inbox = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(email, inbox.QuerySelector("[data-testid=check-inbox]")!.TextContent, StringComparison.Ordinal);

        // Not confirmed yet: the right password is refused with an explanation.
        var early = await LoginErrorsAsync(await TryLoginAsync(client, email, OpenGovFactory.Password));
        Assert.Contains("pas encore confirmée", early, StringComparison.Ordinal);

        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains("Confirmez", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Leïla Bennani", mail.Text, StringComparison.Ordinal);
        var confirmed = await client.GetDocumentAsync(LinkIn(mail, "/account/confirm-email"));
        Assert.NotNull(confirmed.QuerySelector("[data-testid=email-confirmed]"));

        await client.LoginAsync(email, OpenGovFactory.Password);
        var profile = await client.GetDocumentAsync("/account/manage");
        Assert.Equal("Leïla Bennani", profile.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value"));
        Assert.Equal("Association Tafra", profile.QuerySelector("input[name='Input.Organisation']")!.GetAttribute("value"));

        var roles = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        });
        Assert.Equal([Roles.Citizen], roles);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_is_refused()
    {
        var client = app.CreateBrowserlikeClient();
        var email = NewEmail("tamper");
        await client.SubmitFormAsync("/account/register", RegistrationForm(email));
        var link = LinkIn(await app.Mail.WaitForAsync(email), "/account/confirm-email");
        var doc = await client.GetDocumentAsync(Regex.Replace(link, "code=[^&]+", "code=QUJD"));
        Assert.NotNull(doc.QuerySelector("[data-testid=email-not-confirmed]"));
        Assert.False(await app.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.EmailConfirmed));
    }

    [Fact]
    public async Task Registering_an_existing_address_reveals_nothing_and_warns_the_owner()
    {
        var email = NewEmail("dup");
        await app.CreateUserAsync(email);
        var client = app.CreateBrowserlikeClient();
        var response = await client.SubmitFormAsync("/account/register", RegistrationForm(email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/check-inbox", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains("déjà un compte", mail.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("court123", "au moins 12 caractères")]
    [InlineData("password1234", "trop courant")]
    [InlineData("LONG", "au plus 128 caractères")]
    [InlineData("", "Indiquez un mot de passe")]
    public async Task Password_policy_errors_are_shown_on_the_form_and_input_is_kept(string password, string message)
    {
        if (password == "LONG") password = string.Concat(Enumerable.Range(0, 13).Select(i => $"mot{i}-clair")) + "xx"; // > 128
        var client = app.CreateBrowserlikeClient();
        var email = NewEmail("pwd");
        var response = await client.SubmitFormAsync("/account/register", RegistrationForm(email, password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Http.Parse(await response.ReadTextAsync());
        Assert.Contains(message, doc.QuerySelector("#password-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, doc.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Equal("Leïla Bennani", doc.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(doc.QuerySelector("input[name='Input.Password']")!.GetAttribute("value")));
        Assert.Empty(app.Mail.To(email));
    }

    [Fact]
    public async Task Mismatched_confirmation_and_bad_email_are_reported_per_field()
    {
        var client = app.CreateBrowserlikeClient();
        var form = RegistrationForm("not-an-address", OpenGovFactory.Password, "something else entirely");
        form["Input.DisplayName"] = "";
        var doc = Http.Parse(await (await client.SubmitFormAsync("/account/register", form)).ReadTextAsync());
        Assert.Contains("n'est pas valide", doc.QuerySelector("#email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ne correspondent pas", doc.QuerySelector("#confirm-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nom à afficher", doc.QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_answer_as_a_wrong_password()
    {
        var client = app.CreateBrowserlikeClient();
        var unknown = await LoginErrorsAsync(await TryLoginAsync(client, NewEmail("nobody"), OpenGovFactory.Password));
        var email = NewEmail("known");
        await app.CreateUserAsync(email);
        var wrong = await LoginErrorsAsync(await TryLoginAsync(client, email, "not the right password"));
        Assert.Equal(unknown, wrong);
    }

    [Fact]
    public async Task Login_follows_local_return_urls_only()
    {
        var email = NewEmail("ret");
        await app.CreateUserAsync(email);
        var client = app.CreateBrowserlikeClient();
        var response = await client.SubmitFormAsync("/account/login?returnUrl=%2Faccount%2Fmanage",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = OpenGovFactory.Password });
        Assert.Equal("/account/manage", response.Headers.Location!.OriginalString);

        var other = app.CreateBrowserlikeClient();
        var evil = await other.SubmitFormAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = OpenGovFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, evil.StatusCode);
        Assert.Equal("/", evil.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_post_without_antiforgery_token_is_rejected()
    {
        var email = NewEmail("af");
        await app.CreateUserAsync(email);
        var client = app.CreateBrowserlikeClient();
        await client.GetAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = OpenGovFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("opengov.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Forgotten_password_is_reset_through_the_mailed_link_without_revealing_accounts()
    {
        var email = NewEmail("reset");
        await app.CreateUserAsync(email);
        var client = app.CreateBrowserlikeClient();

        var unknown = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = NewEmail("ghost") });
        var known = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(unknown.Headers.Location, known.Headers.Location);

        var link = LinkIn(await app.Mail.WaitForAsync(email, m => m.Text.Contains("/account/reset-password", StringComparison.Ordinal)), "/account/reset-password");
        var weak = await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Password"] = "short", ["ConfirmPassword"] = "short" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("au moins 12 caractères", await weak.ReadTextAsync(), StringComparison.Ordinal);

        const string newPassword = "une phrase de passe toute neuve";
        var done = await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("/account/login", done.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await client.LoginAsync(email, newPassword);

        // The link was single-use: the stamp changed with the password.
        var again = await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Password"] = newPassword + "!", ["ConfirmPassword"] = newPassword + "!" });
        Assert.Contains("n'est pas valide ou a expiré", Http.Parse(await again.ReadTextAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_changes_are_saved_and_the_preferred_language_applies()
    {
        var (client, userId) = await app.SignedInClientAsync();
        var response = await client.SubmitFormAsync("/account/manage", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nouveau <b>nom</b>",
            ["Input.Organisation"] = "",
            ["Input.PreferredCulture"] = "ar",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("rtl", doc.DocumentElement.GetAttribute("dir"));
        Assert.NotNull(doc.QuerySelector("[data-testid=profile-saved]"));
        Assert.Equal("Nouveau <b>nom</b>", doc.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value"));
        var user = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId))!);
        Assert.Equal(("Nouveau <b>nom</b>", null, "ar"), (user.DisplayName, user.Organisation, user.PreferredCulture));
    }

    [Fact]
    public async Task Changing_the_password_requires_the_current_one()
    {
        var (client, _) = await app.SignedInClientAsync();
        const string next = "encore une autre phrase longue";
        var wrong = await client.SubmitFormAsync("/account/manage/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password at all", ["NewPassword"] = next, ["ConfirmPassword"] = next,
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("actuel est incorrect", await wrong.ReadTextAsync(), StringComparison.Ordinal);
        var ok = await client.SubmitFormAsync("/account/manage/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = OpenGovFactory.Password, ["NewPassword"] = next, ["ConfirmPassword"] = next,
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        // The session survives its own password change.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task Logout_is_a_post_and_ends_the_session()
    {
        var (client, _) = await app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
        var response = await client.SubmitFormAsync("/account/manage", new Dictionary<string, string>(), "form[action='/account/logout']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_user_is_signed_out_within_the_validation_interval_and_cannot_sign_in()
    {
        var interval = app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        Assert.True(interval <= TimeSpan.FromMinutes(1), $"Security stamp interval is {interval}.");

        var adminId = await app.CreateUserAsync(NewEmail("blocker"), Roles.Administrator);
        var email = NewEmail("blocked");
        var userId = await app.CreateUserAsync(email);
        var client = await app.SignedInClientForAsync(userId);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);

        var stampBefore = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId))!.SecurityStamp);
        Assert.Equal(BlockOutcome.Done, await app.WithScopeAsync(sp => sp.GetRequiredService<AccountBlocking>().SetBlockedAsync(adminId, userId, true, "spam")));
        var stampAfter = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId))!.SecurityStamp);
        Assert.NotEqual(stampBefore, stampAfter);

        app.Clock.Advance(interval + TimeSpan.FromSeconds(5));
        var after = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var blocked = await LoginErrorsAsync(await TryLoginAsync(app.CreateBrowserlikeClient(), email, OpenGovFactory.Password));
        Assert.Contains("bloqué", blocked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_set_without_rotating_the_stamp_still_ends_the_session()
    {
        var email = NewEmail("silent");
        var userId = await app.CreateUserAsync(email);
        var client = await app.SignedInClientForAsync(userId);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            var stamp = user.SecurityStamp;
            user.IsBlocked = true;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            Assert.Equal(stamp, (await users.FindByIdAsync(userId))!.SecurityStamp);
        });
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5));
        var after = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class AccountTests_Sqlite(SqliteFactory app) : AccountTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class AccountTests_Postgres(PostgresFactory app) : AccountTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class AccountTests_SqlServer(SqlServerFactory app) : AccountTests(app), IClassFixture<SqlServerFactory>;
