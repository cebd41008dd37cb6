using Microsoft.Extensions.DependencyInjection;

namespace OpenGov.Consultation;

internal static class FeedbackFeature
{
    public static IServiceCollection AddFeedbackFeature(this IServiceCollection services)
    {
        return services;
    }
}
