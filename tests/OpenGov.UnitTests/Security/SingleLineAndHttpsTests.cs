using Microsoft.Extensions.Configuration;
using OpenGov.Consultation.Cycles;
using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Text;
using OpenGov.Web.Infrastructure.Mail;
using OpenGov.Web.Security;

namespace OpenGov.UnitTests.Security;

public sealed class SingleLineTextTests
{
    [Theory]
    [InlineData("Titre\nBcc: x")]
    [InlineData("Titre\r")]
    [InlineData("Ti\ttre")]
    [InlineData("Titre\u2028suite")]
    [InlineData("Titre\u0085")]
    public void Line_breaks_and_control_characters_are_refused(string value)
    {
        Assert.False(SingleLineText.IsValid(value));
        Assert.Equal(SingleLineText.MessageKey, Assert.Throws<DomainException>(() => SingleLineText.Trim(value, "Title")).Key);
        Assert.False(new SingleLineAttribute().IsValid(value));
    }

    [Fact]
    public void Plain_text_in_any_script_is_accepted_and_trimmed()
    {
        Assert.Equal("Budget ouvert – الميزانية", SingleLineText.Trim("  Budget ouvert – الميزانية ", "Title"));
        Assert.Null(SingleLineText.TrimOrNull("  ", "Acronym"));
        Assert.True(new SingleLineAttribute().IsValid(null));
    }

    [Fact]
    public void Entities_apply_the_rule()
        => Assert.Throws<DomainException>(() => new Cycle(Guid.NewGuid(), "Cycle\r\n2026", "", 2026, 2028, DateTime.UtcNow));

    [Fact]
    public void Mail_subjects_are_always_one_line()
    {
        Assert.Equal("Nouvelle idée : a Bcc: victim@example.ma", new MailToSend("to@example.ma", "Nouvelle idée : a\r\nBcc: victim@example.ma", "").Subject);
        Assert.Equal("ok", new MailToSend("to@example.ma", "ok", "").Subject);
    }
}

public sealed class HttpsRedirectTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void The_port_comes_from_https_port_or_an_https_public_address_else_no_redirect()
    {
        Assert.Equal(443, HttpHardening.HttpsPort(Config(("Site:PublicBaseUrl", "https://opengov.example.ma"))));
        Assert.Equal(8443, HttpHardening.HttpsPort(Config(("Site:PublicBaseUrl", "https://opengov.example.ma:8443"))));
        Assert.Equal(4443, HttpHardening.HttpsPort(Config(("Site:PublicBaseUrl", "http://localhost:8080"), ("Https:Port", "4443"))));
        Assert.Null(HttpHardening.HttpsPort(Config(("Site:PublicBaseUrl", "http://localhost:8080"))));
        Assert.Null(HttpHardening.HttpsPort(Config(("Site:PublicBaseUrl", "https://opengov.example.ma"), ("Https:Redirect", "false"))));
    }
}
