using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace OpenGov.Web.Infrastructure.Errors;

/// <summary>Registers the home of errors: domain refusals on pages and the API, localized validation messages, malformed requests.</summary>
public static class RequestErrors
{
    public static IServiceCollection AddRequestErrors(this IServiceCollection services)
    {
        services.AddScoped<DomainErrorText>();
        services.AddSingleton<IPostConfigureOptions<MvcOptions>, ValidationMessages>();
        services.Configure<MvcOptions>(o => o.Filters.Add<DomainErrorFilter>());
        services.AddProblemDetails();
        // Minimal APIs answer a bad parameter with a bare 400 in every environment, never with the exception text.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        return services;
    }

    /// <summary>After UseStatusCodePagesWithReExecute, so a refused request shows the localized error page.</summary>
    public static IApplicationBuilder UseRequestErrors(this IApplicationBuilder app) => app.UseMiddleware<MalformedRequests>();
}
