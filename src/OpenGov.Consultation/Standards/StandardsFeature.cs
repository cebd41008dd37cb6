using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenGov.Consultation.Standards;

namespace OpenGov.Consultation;

internal static class StandardsFeature
{
    public static IServiceCollection AddStandardsFeature(this IServiceCollection services)
    {
        services.AddOptions<StandardsOptions>();
        services.AddScoped<CycleStandards>();
        // The host replaces it with the tracking module's published plan (registered with TryAdd, so either order works).
        services.TryAddScoped<IPlanFactsSource, NoPlanFactsSource>();
        return services;
    }
}
