using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.SharedKernel.Links;
using OpenGov.Web.Infrastructure;

namespace OpenGov.UnitTests.Foundation;

public class PublicAddressTests
{
    private static WebApplicationBuilder Builder(string environment, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        foreach (var (k, v) in settings) builder.Configuration[k] = v;
        return builder;
    }

    [Fact]
    public void Production_refuses_to_start_without_a_public_address()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Builder("Production").AddPublicAddress());
        Assert.Contains(PublicAddress.Key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_allows_only_the_public_host_unless_configured()
    {
        var builder = Builder("Production", (PublicAddress.Key, "https://opengov.gov.ma/")).AddPublicAddress();
        Assert.Equal("opengov.gov.ma", builder.Configuration["AllowedHosts"]);
        Assert.Equal("https://opengov.gov.ma/account/login", builder.Services.BuildServiceProvider().GetRequiredService<SiteLinks>().To("/account/login"));

        var explicitHosts = Builder("Production", (PublicAddress.Key, "https://opengov.gov.ma"), ("AllowedHosts", "opengov.gov.ma;www.opengov.gov.ma")).AddPublicAddress();
        Assert.Equal("opengov.gov.ma;www.opengov.gov.ma", explicitHosts.Configuration["AllowedHosts"]);
    }

    [Fact]
    public void Development_falls_back_to_the_local_address()
    {
        var builder = Builder("Development").AddPublicAddress();
        Assert.Equal(PublicAddress.LocalDefault + "/x", builder.Services.BuildServiceProvider().GetRequiredService<SiteLinks>().To("/x"));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://opengov.ma")]
    [InlineData("https://opengov.ma/?next=x")]
    public void A_base_that_is_not_an_absolute_http_address_is_refused(string value)
        => Assert.Throws<ArgumentException>(() => new SiteLinks(value));

    [Fact]
    public void Links_keep_a_path_base_and_escape_query_values()
    {
        var links = new SiteLinks("https://portail.gov.ma/opengov/");
        Assert.Equal("https://portail.gov.ma/opengov/proposals/1#c-2", links.To("/proposals/1#c-2"));
        Assert.Equal("https://portail.gov.ma/opengov/unsubscribe?token=a%2Bb%2F%3D", links.To("/unsubscribe", [new("token", "a+b/=")]));
        Assert.Throws<ArgumentException>(() => links.To("//evil.example/x"));
        Assert.Throws<ArgumentException>(() => links.To("proposals"));
    }
}
