using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.SharedKernel.Errors;

namespace OpenGov.Web.Infrastructure.Errors;

/// <summary>A page that needs its data again before it is shown with a form error (lists, the entity being edited).
/// Bound input properties are kept: only what the view reads besides them is loaded.</summary>
public interface IRedisplayPage
{
    Task<IActionResult> RedisplayAsync();
}

/// <summary>
/// The one place where a refusal of a use case becomes an HTTP answer on pages: a rule violation is a form error in the
/// visitor's language with the input kept, Forbidden is a 403, NotFound a 404. It also refuses a request for which the page
/// has no handler (TRACE, an unknown handler name): rendering the page without its data would fail.
/// </summary>
public sealed class DomainErrorFilter(DomainErrorText text, ILogger<DomainErrorFilter> log) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)
            && context.ActionDescriptor.HandlerMethods.Count > 0
            && context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            log.LogWarning("No handler for {Method} {Path}", method, context.HttpContext.Request.Path);
            context.Result = new BadRequestResult();
            return;
        }
        var executed = await next();
        if (executed.Exception is not DomainException e || executed.ExceptionHandled) return;
        executed.ExceptionHandled = true;
        switch (e.Kind)
        {
            case DomainErrorKind.Forbidden:
                executed.Result = new ForbidResult();
                break;
            case DomainErrorKind.NotFound:
                executed.Result = new NotFoundResult();
                break;
            default:
                executed.ModelState.AddModelError(string.Empty, text.For(e));
                executed.Result = executed.HandlerInstance switch
                {
                    IRedisplayPage page => await page.RedisplayAsync(),
                    PageModel page => page.Page(),
                    _ => new PageResult(),
                };
                break;
        }
    }
}
