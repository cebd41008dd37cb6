using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.Consultation;

internal static class ProposalsFeature
{
    public static IServiceCollection AddProposalsFeature(this IServiceCollection services)
    {
        services.AddScoped<ProposalSubmission>();
        services.AddScoped<ProposalModeration>();
        services.AddScoped<ProposalEngagement>();
        services.AddScoped<ProposalQueries>();
        services.AddScoped<CycleOverview>();
        services.AddScoped<IDemoSeeder, ProposalsDemoSeeder>();
        return services;
    }
}
