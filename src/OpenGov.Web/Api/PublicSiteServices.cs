using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Events;
using OpenGov.SharedKernel.Numbers;

namespace OpenGov.Web.Api;

/// <summary>The plan's overall implementation rate for the home page. The tracking module replaces the null default.</summary>
public interface IPlanSummary
{
    /// <summary>The current plan's title and overall rate, or null when no plan is adopted yet.</summary>
    Task<PlanRate?> CurrentAsync(CancellationToken ct = default);
}

/// <param name="Title">The plan's title in every language (shown through <c>Html.Official</c>).</param>
public sealed record PlanRate(OpenGov.SharedKernel.Text.LocalizedText Title, Percentage Rate, string Url);

internal sealed class NoPlanSummary : IPlanSummary
{
    public Task<PlanRate?> CurrentAsync(CancellationToken ct = default) => Task.FromResult<PlanRate?>(null);
}

/// <summary>Registrations of the events, content, search and open-data web side, and the read-only API.</summary>
public static class PublicSiteServices
{
    public const string ApiRateLimit = "api";

    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddScoped<IPlanSummary, NoPlanSummary>();
        services.AddScoped<TraceApi>();
        services.AddScoped<ApiReference>();
        services.AddApiDocumentation();
        // Adds the API's policy to the site's rate limiter (AddRateLimiter in Program only configures these same options).
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(ApiRateLimit, c => RateLimitPartition.GetFixedWindowLimiter(
            c.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = c.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimiting:ApiPermitsPerMinute", 120),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));
        return services;
    }
}
