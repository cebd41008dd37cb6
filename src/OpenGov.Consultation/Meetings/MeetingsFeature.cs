using Microsoft.Extensions.DependencyInjection;

namespace OpenGov.Consultation;

internal static class MeetingsFeature
{
    public static IServiceCollection AddMeetingsFeature(this IServiceCollection services)
    {
        return services;
    }
}
