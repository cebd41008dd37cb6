using System.Text.RegularExpressions;
using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Foundation;

/// <summary>Links in account mails come from Site:PublicBaseUrl, never from the request's Host or X-Forwarded-Host.</summary>
public abstract partial class AccountTests
{
    private static string HostOf(ReceivedMail mail, string path)
    {
        var match = Regex.Match(mail.Text, $@"(?<base>https?://[^\s/]+){Regex.Escape(path)}\?");
        Assert.True(match.Success, $"No {path} link in: {mail.Text}");
        return match.Groups["base"].Value;
    }

    [Theory]
    [InlineData("Host")]
    [InlineData("X-Forwarded-Host")]
    public async Task Reset_and_confirmation_links_ignore_a_forged_host(string header)
    {
        var email = NewEmail("host");
        await app.CreateUserAsync(email);
        var client = app.CreateBrowserlikeClient();
        if (header == "Host") client.DefaultRequestHeaders.Host = "evil.example";
        else client.DefaultRequestHeaders.Add(header, "evil.example");

        await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        var reset = await app.Mail.WaitForAsync(email, m => m.Text.Contains("/account/reset-password", StringComparison.Ordinal));
        Assert.Equal("http://localhost", HostOf(reset, "/account/reset-password"));
        Assert.DoesNotContain("evil.example", reset.Raw, StringComparison.OrdinalIgnoreCase);

        var newcomer = NewEmail("hostreg");
        await client.SubmitFormAsync("/account/register", RegistrationForm(newcomer));
        var confirm = await app.Mail.WaitForAsync(newcomer);
        Assert.Equal("http://localhost", HostOf(confirm, "/account/confirm-email"));
        Assert.DoesNotContain("evil.example", confirm.Raw, StringComparison.OrdinalIgnoreCase);
    }
}
