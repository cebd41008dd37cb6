using Microsoft.Extensions.DependencyInjection;

namespace OpenGov.Consultation;

internal static class ForumFeature
{
    public static IServiceCollection AddForumFeature(this IServiceCollection services)
    {
        return services;
    }
}
