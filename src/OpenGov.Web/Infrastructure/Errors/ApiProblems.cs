namespace OpenGov.Web.Infrastructure.Errors;

/// <summary>
/// The one shape of errors on the API (<c>/api/...</c>): RFC 9457 <c>application/problem+json</c>, never the HTML error page
/// and never exception text. <see cref="MalformedRequests"/> writes it for refused requests, for bare error statuses
/// (unknown routes, route constraints, binding failures, 404s from endpoints) and for unhandled exceptions; the rate
/// limiter's 429 (<c>Security/HttpHardening</c>) writes it through <see cref="WriteAsync"/> too.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    /// <summary>The API: every path under /api (matched or not) and the endpoints marked <see cref="ProblemResponses"/>.</summary>
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api")
        || context.GetEndpoint()?.Metadata.GetMetadata<ProblemResponses>() is not null;

    /// <summary>Writes a problem with the framework's title and type for the status (an RFC link), plus optional extensions.</summary>
    public static Task WriteAsync(HttpContext context, int status, string? detail = null, string? title = null, string? type = null,
        IDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, detail: detail, title: title, type: type, extensions: extensions).ExecuteAsync(context);
    }

    /// <summary>An error status an endpoint or the router set without writing a body: it gets a problem body.</summary>
    public static bool NeedsBody(HttpContext context) => IsApi(context) && !context.Response.HasStarted
        && context.Response.StatusCode is >= 400 and < 600 && context.Response.ContentLength is null
        && string.IsNullOrEmpty(context.Response.ContentType);
}
