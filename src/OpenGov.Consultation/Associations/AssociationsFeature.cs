using OpenGov.Consultation.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenGov.Consultation.Associations;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.Consultation;

internal static class AssociationsFeature
{
    public static IServiceCollection AddAssociationsFeature(this IServiceCollection services)
    {
        // The host replaces this with its Identity-backed directory.
        services.TryAddScoped<ICommunityContacts, NoCommunityContacts>();
        services.AddScoped<CommunityThemes>();
        services.AddScoped<AssociationRegister>();
        services.AddScoped<AssociationDirectory>();
        services.AddScoped<IDemoSeeder, CommunityDemoSeeder>();
        return services;
    }
}
