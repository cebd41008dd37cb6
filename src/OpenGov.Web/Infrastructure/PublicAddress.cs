using OpenGov.SharedKernel.Links;

namespace OpenGov.Web.Infrastructure;

/// <summary>
/// The site's public address (Site:PublicBaseUrl) is the only source of absolute links. In Production it is required,
/// and unless AllowedHosts is configured, requests for any other host are refused (host filtering answers 400).
/// </summary>
public static class PublicAddress
{
    public const string Key = "Site:PublicBaseUrl";
    public const string LocalDefault = "http://localhost:5000";

    public static WebApplicationBuilder AddPublicAddress(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var configured = config[Key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (builder.Environment.IsProduction())
                throw new InvalidOperationException(
                    $"{Key} is required in Production: the public address (e.g. https://opengov.example.ma) that links in e-mails point to.");
            configured = LocalDefault;
        }
        var links = new SiteLinks(configured.Trim());
        if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(config["AllowedHosts"]))
            config["AllowedHosts"] = links.BaseUri.Host;
        builder.Services.AddSingleton(links);
        return builder;
    }
}
