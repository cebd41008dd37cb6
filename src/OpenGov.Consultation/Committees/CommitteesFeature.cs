using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Committees;

namespace OpenGov.Consultation;

internal static class CommitteesFeature
{
    public static IServiceCollection AddCommitteesFeature(this IServiceCollection services)
    {
        services.AddScoped<CommitteeService>();
        return services;
    }
}
