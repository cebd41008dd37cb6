using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Links;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Security;

/// <summary>
/// HTTP hardening kept out of Program: forwarded headers only from configured proxies, rate limits on every state-changing
/// request (429 with Retry-After; problem+json for the API), Secure cookies in Production, no Server header, and an HTTPS
/// redirection that knows its port.
/// </summary>
public static class HttpHardening
{
    public const int DefaultPostPermitsPerMinute = 60;

    public static WebApplicationBuilder AddHttpHardening(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        // The server's name and version help nobody but an attacker.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        if (config.GetValue("ReverseProxy:TrustAllProxies", false))
            throw new InvalidOperationException(
                "ReverseProxy:TrustAllProxies is no longer supported: list your proxies in ReverseProxy:KnownProxies (IP addresses) or ReverseProxy:KnownNetworks (CIDR).");
        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, config));

        // Production cookies (authentication, antiforgery, culture, TempData: all appended through the cookie policy) only travel
        // over HTTPS; the documented set-up terminates TLS at the proxy. Set through the policy rather than per cookie, because
        // antiforgery refuses to run at all over plain HTTP when its own policy is Always.
        var secure = config.GetValue("Cookies:SecurePolicy",
            builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = secure;
            o.HttpOnly = HttpOnlyPolicy.None; // the antiforgery and auth cookies set HttpOnly themselves; the culture cookie needs none
        });

        var httpsPort = HttpsPort(config);
        if (httpsPort is { } port) services.AddHttpsRedirection(o => o.HttpsPort = port);

        services.AddRateLimiter(ConfigureRateLimits);
        return builder;
    }

    /// <summary>The HTTPS port to redirect to: Https:Port, else that of Site:PublicBaseUrl when it is https; null means no redirect.</summary>
    public static int? HttpsPort(IConfiguration config)
    {
        if (!config.GetValue("Https:Redirect", true)) return null;
        if (config.GetValue<int?>("Https:Port") is { } port) return port;
        return Uri.TryCreate(config["Site:PublicBaseUrl"], UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.Port : null;
    }

    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        // Loopback stays trusted (a proxy on the same host); anything else only when listed.
        foreach (var ip in List(config, "ReverseProxy:KnownProxies")) o.KnownProxies.Add(IPAddress.Parse(ip));
        foreach (var net in List(config, "ReverseProxy:KnownNetworks")) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(net));
    }

    /// <summary>Entries given as "a;b" (one environment variable) or as an array (appsettings).</summary>
    private static IEnumerable<string> List(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Who a limit counts against: the signed-in user, else the client's address (after trusted forwarded headers).</summary>
    public static string Partition(HttpContext c) => c.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user
        ? "user:" + user : "ip:" + (c.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    // Reading is free; so is the error page a rejected or failed request is re-executed to (it is not a new request).
    private static bool IsSafe(HttpContext c) => HttpMethods.IsGet(c.Request.Method) || HttpMethods.IsHead(c.Request.Method)
        || HttpMethods.IsOptions(c.Request.Method) || c.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
        || c.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;

    private static RateLimitPartition<string> PerMinute(string key, int permits) => RateLimitPartition.GetFixedWindowLimiter(key,
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static int Permits(HttpContext c, string key, int fallback) => c.RequestServices.GetRequiredService<IConfiguration>().GetValue(key, fallback);

    private static void ConfigureRateLimits(RateLimiterOptions o)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        // Every state-changing request counts (language switch, follows, preferences included); reading is free.
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => IsSafe(c) ? RateLimitPartition.GetNoLimiter("safe")
            : PerMinute("post:" + Partition(c), Permits(c, "RateLimiting:PostPermitsPerMinute", DefaultPostPermitsPerMinute)));
        // Stricter named policies, per address: account forms (guessing) and content submissions (spam).
        o.AddPolicy(RateLimits.Auth, c => IsSafe(c) ? RateLimitPartition.GetNoLimiter("safe")
            : PerMinute("ip:" + (c.Connection.RemoteIpAddress?.ToString() ?? "unknown"), Permits(c, "RateLimiting:AuthPermitsPerMinute", 10)));
        // Anonymous posts to these pages are the ones that mail an address anyone can type (event registration by e-mail,
        // Open Gov Week submissions): a much smaller hourly allowance per address.
        o.AddPolicy(RateLimits.Submit, c => IsSafe(c) ? RateLimitPartition.GetNoLimiter("safe")
            : c.User.Identity?.IsAuthenticated == true ? PerMinute("submit:" + Partition(c), Permits(c, "RateLimiting:SubmitPermitsPerMinute", 30))
            : RateLimitPartition.GetFixedWindowLimiter("anonymous:" + Partition(c), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Permits(c, "RateLimiting:AnonymousSubmitPermitsPerHour", 10), Window = TimeSpan.FromHours(1), QueueLimit = 0,
            }));
        o.OnRejected = OnRejectedAsync;
    }

    /// <summary>Retry-After on every 429; the API answers RFC 9457 problem+json, pages get the localized error page (status code pages).</summary>
    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!OpenGov.Web.Infrastructure.Errors.ApiProblems.IsApi(http)) return;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await OpenGov.Web.Infrastructure.Errors.ApiProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, title: text["Error.TooManyRequests"],
            type: "https://www.rfc-editor.org/rfc/rfc6585#section-4", extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

}
