namespace OpenGov.SharedKernel.Links;

/// <summary>
/// Absolute links for mails, feeds and calendar files, built from the configured public base URL (Site:PublicBaseUrl)
/// and never from the request: a forged Host or X-Forwarded-Host header must not redirect a reset or confirmation link.
/// </summary>
public sealed class SiteLinks
{
    public SiteLinks(string publicBaseUrl)
    {
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new ArgumentException($"Site:PublicBaseUrl must be an absolute http(s) URL without query, got '{publicBaseUrl}'.", nameof(publicBaseUrl));
        BaseUri = uri;
        BaseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public Uri BaseUri { get; }

    /// <summary>The base without trailing slash, e.g. <c>https://opengov.ma</c> or <c>https://portal.ma/opengov</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The absolute URL of a site path such as <c>/proposals/42#c-1</c>.</summary>
    public string To(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException("A site path starts with a single '/'.", nameof(path));
        return BaseUrl + path;
    }

    /// <summary>A site path with query values, each escaped.</summary>
    public string To(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var q = string.Join('&', query.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)));
        return q.Length == 0 ? To(path) : To(path) + "?" + q;
    }
}
