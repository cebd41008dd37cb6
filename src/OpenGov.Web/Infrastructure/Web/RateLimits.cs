namespace OpenGov.Web.Infrastructure.Web;

/// <summary>Rate-limiter policy names. Apply with [EnableRateLimiting(RateLimits.Auth)] on a PageModel.</summary>
public static class RateLimits
{
    public const string Auth = "auth";
    public const string Submit = "submit";
}
