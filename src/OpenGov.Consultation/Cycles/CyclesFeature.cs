using Microsoft.Extensions.DependencyInjection;

namespace OpenGov.Consultation;

internal static class CyclesFeature
{
    public static IServiceCollection AddCyclesFeature(this IServiceCollection services)
    {
        return services;
    }
}
