using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Forum;

namespace OpenGov.Consultation;

internal static class ForumFeature
{
    public static IServiceCollection AddForumFeature(this IServiceCollection services)
    {
        services.AddScoped<ForumService>();
        return services;
    }
}
