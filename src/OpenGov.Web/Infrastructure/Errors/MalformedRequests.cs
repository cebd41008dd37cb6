using System.Text;
using OpenGov.SharedKernel.Errors;

namespace OpenGov.Web.Infrastructure.Errors;

/// <summary>
/// The one handler of requests the site cannot understand: a broken multipart body, invalid form bytes, too many form
/// keys, an oversized body, invalid Unicode in the query string. They answer 400 (or the framework's 413/431) through the
/// error page in the visitor's language, or problem+json on the API, and are logged as warnings, never as a 500.
/// Refusals of use cases called by API endpoints (<see cref="DomainException"/>) are mapped here too, without exception text.
/// On the API every error answer is problem+json (<see cref="ApiProblems"/>): bare error statuses get a body here, and an
/// unhandled exception becomes a logged 500 problem without its text (pages keep the exception handler's error page).
/// </summary>
public sealed class MalformedRequests(RequestDelegate next, ILogger<MalformedRequests> log)
{
    /// <summary>Marks a request sent to the error page by this middleware: the page sets the status itself.</summary>
    public const string Rewritten = "opengov.error.rewritten";

    public async Task InvokeAsync(HttpContext context, DomainErrorText text)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && HasInvalidUnicode(context.Request.QueryString))
        {
            log.LogWarning("Invalid Unicode in the query string of {Path}", context.Request.Path);
            if (ApiProblems.IsApi(context))
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, null);
                return;
            }
            // Shown by the error page directly: the query it cannot read is dropped (this runs before routing).
            context.Items[Rewritten] = true;
            context.Request.Path = "/error/400";
            context.Request.QueryString = QueryString.Empty;
            context.Request.Method = HttpMethods.Get;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (StatusFor(e) is { } status && !context.Response.HasStarted)
        {
            log.LogWarning("Malformed request {Method} {Path}: {Status} {Error}", context.Request.Method, context.Request.Path, status, e.GetType().Name);
            await RefuseAsync(context, status, e is DomainException d ? text.For(d) : null);
            return;
        }
        catch (Exception e) when (ApiProblems.IsApi(context) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            log.LogError(e, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, StatusCodes.Status500InternalServerError);
            return;
        }
        if (ApiProblems.NeedsBody(context)) await ApiProblems.WriteAsync(context, context.Response.StatusCode);
    }

    /// <summary>The answer for an exception caused by the request itself, null for a real server error.</summary>
    public static int? StatusFor(Exception e) => e switch
    {
        BadHttpRequestException b => b.StatusCode,
        DomainException { Kind: DomainErrorKind.Forbidden } => StatusCodes.Status403Forbidden,
        DomainException { Kind: DomainErrorKind.NotFound } => StatusCodes.Status404NotFound,
        DomainException => StatusCodes.Status400BadRequest,
        InvalidDataException or DecoderFallbackException => StatusCodes.Status400BadRequest,
        // Form and multipart readers wrap their failures (truncated body, bad boundary) in IOException.
        IOException when e.InnerException is null or InvalidDataException or BadHttpRequestException => StatusCodes.Status400BadRequest,
        _ when e.InnerException is { } inner => StatusFor(inner),
        _ => null,
    };

    private static async Task RefuseAsync(HttpContext context, int status, string? detail)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (ApiProblems.IsApi(context))
            await ApiProblems.WriteAsync(context, status, detail);
        // Otherwise UseStatusCodePagesWithReExecute shows /error/{status} in the visitor's language.
    }

    /// <summary>Lone surrogates, U+FFFE/U+FFFF and the other noncharacters are not text: search and storage refuse them.</summary>
    public static bool HasInvalidUnicode(QueryString query)
    {
        if (!query.HasValue) return false;
        string decoded;
        try { decoded = Uri.UnescapeDataString(query.Value!.Replace('+', ' ')); }
        catch (UriFormatException) { return true; }
        return HasInvalidUnicode(decoded);
    }

    public static bool HasInvalidUnicode(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return true;
                var cp = char.ConvertToUtf32(c, s[++i]);
                if ((cp & 0xFFFE) == 0xFFFE) return true;
            }
            else if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' || c is >= '\uFDD0' and <= '\uFDEF' || c == '\0') return true;
        }
        return false;
    }
}
