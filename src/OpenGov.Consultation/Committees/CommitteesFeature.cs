using Microsoft.Extensions.DependencyInjection;

namespace OpenGov.Consultation;

internal static class CommitteesFeature
{
    public static IServiceCollection AddCommitteesFeature(this IServiceCollection services)
    {
        return services;
    }
}
