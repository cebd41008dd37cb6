using Microsoft.Extensions.DependencyInjection;

namespace OpenGov.Consultation;

internal static class AssociationsFeature
{
    public static IServiceCollection AddAssociationsFeature(this IServiceCollection services)
    {
        return services;
    }
}
