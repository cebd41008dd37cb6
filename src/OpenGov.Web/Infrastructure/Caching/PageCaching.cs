using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace OpenGov.Web.Infrastructure.Caching;

/// <summary>
/// Marks a public page whose anonymous rendering may be cached, and the content areas it shows (see
/// <see cref="OpenGov.SharedKernel.Caching.ContentGeneration.Tags"/>): a change in one of them is visible on the next request.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CachedPageAttribute(params string[] tags) : Attribute
{
    public IReadOnlyList<string> Tags { get; } = tags;
}

/// <summary>Output caching of public pages for anonymous visitors, evicted precisely by content area on every instance.</summary>
public static class PageCaching
{
    public static IServiceCollection AddPageCaching(this IServiceCollection services, IConfiguration config)
    {
        services.AddOutputCache(o =>
        {
            o.SizeLimit = config.GetValue("Caching:SizeLimitMegabytes", 64L) * 1024 * 1024;
            o.AddBasePolicy(new AnonymousPagePolicy());
        });
        services.AddSingleton<ContentVersions>();
        services.AddHostedService<ContentGenerationPoller>();
        return services;
    }

    /// <summary>After authentication (a signed-in visitor is never served nor stored) and request localization (the key has the language).</summary>
    public static IApplicationBuilder UsePageCaching(this IApplicationBuilder app) => app.UseOutputCache();

    /// <summary>
    /// Caches GET/HEAD of pages marked <see cref="CachedPageAttribute"/> for visitors who are not signed in and send no cookie but
    /// the language and antiforgery ones. Keyed by path, query, language, the areas' epochs and the minute (pages that depend on
    /// time — the current phase, an open consultation — change at most a minute late). Never stores a response that sets a
    /// cookie or forbids caching (the antiforgery system marks every response carrying a token no-store), nor a non-200.
    /// </summary>
    private sealed class AnonymousPagePolicy : IOutputCachePolicy
    {
        private static readonly string[] HarmlessCookies = [".AspNetCore.Culture", "opengov.af"];

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var page = http.GetEndpoint()?.Metadata.GetMetadata<CachedPageAttribute>();
            var config = http.RequestServices.GetRequiredService<IConfiguration>();
            if (page is null || !config.GetValue("Caching:Enabled", true))
            {
                context.EnableOutputCaching = false;
                return ValueTask.CompletedTask;
            }
            var request = http.Request;
            var anonymous = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && !request.Headers.ContainsKey(HeaderNames.Authorization)
                && request.Cookies.Keys.All(k => HarmlessCookies.Contains(k) || k.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = anonymous;
            context.AllowCacheStorage = anonymous;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(2);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["lang"] = System.Globalization.CultureInfo.CurrentUICulture.Name;
            context.CacheVaryByRules.VaryByValues["gen"] = http.RequestServices.GetRequiredService<ContentVersions>().KeyOf(page.Tags);
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.CacheVaryByRules.VaryByValues["min"] = (now.ToUnixTimeSeconds() / 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var tag in page.Tags) context.Tags.Add(tag);
            if (anonymous)
                http.Response.OnStarting(() =>
                {
                    DropDeletionsOfAbsentCookies(http);
                    return Task.CompletedTask;
                });
            return ValueTask.CompletedTask;
        }

        /// <summary>A page reading TempData (e.g. a post-redirect notice) expires the TempData cookie even when the visitor has none:
        /// that header changes nothing for this visitor, and would forbid caching, so it is dropped.</summary>
        private static void DropDeletionsOfAbsentCookies(HttpContext http)
        {
            var setCookie = http.Response.Headers.SetCookie;
            if (setCookie.Count == 0) return;
            foreach (var value in setCookie)
            {
                if (value is null || !SetCookieHeaderValue.TryParse(value, out var cookie)) return;
                var deletion = cookie.Expires is { } e && e < DateTimeOffset.UnixEpoch.AddDays(1) && string.IsNullOrEmpty(cookie.Value.Value);
                if (!deletion || http.Request.Cookies.ContainsKey(cookie.Name.Value ?? "")) return;
            }
            http.Response.Headers.Remove(HeaderNames.SetCookie);
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            var cacheControl = response.Headers.CacheControl.ToString();
            if (response.StatusCode != StatusCodes.Status200OK
                || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie)
                || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
                || cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase)
                || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}
