using Microsoft.Extensions.DependencyInjection;

namespace OpenGov.Consultation;

internal static class EventsFeature
{
    public static IServiceCollection AddEventsFeature(this IServiceCollection services)
    {
        return services;
    }
}
