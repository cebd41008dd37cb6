using Microsoft.Extensions.DependencyInjection;

namespace OpenGov.Consultation;

internal static class ProposalsFeature
{
    public static IServiceCollection AddProposalsFeature(this IServiceCollection services)
    {
        return services;
    }
}
