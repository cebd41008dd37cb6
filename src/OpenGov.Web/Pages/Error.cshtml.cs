using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenGov.Web.Pages;

/// <summary>Friendly error pages in the current language; never a stack trace. Re-executed for status codes and exceptions,
/// often for a request whose body is broken: the code comes from the route only, never from the posted form.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? RequestId { get; private set; }

    // No handler parameters: binding them would build every value provider, the form one included.
    public void OnGet() => Set();
    public void OnPost() => Set();

    /// <summary>Re-executed for any method (TRACE, PUT...): the page has no handler for those.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null) Set();
    }

    private void Set()
    {
        int? code = int.TryParse(RouteData.Values["code"]?.ToString(), out var c) ? c : null;
        Code = code ?? 500;
        RequestId = Code >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
        // Keep the original status when re-executed from UseStatusCodePages/UseExceptionHandler.
        if (code is null) Response.StatusCode = 500;
        else if (HttpContext.Items.ContainsKey(Infrastructure.Errors.MalformedRequests.Rewritten)) Response.StatusCode = code.Value;
    }
}
