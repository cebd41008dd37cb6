using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Content;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.Consultation;

internal static class ContentFeature
{
    /// <summary>News and static pages. Registered from <see cref="EventsFeature"/> so ConsultationModule needs no edit.</summary>
    public static IServiceCollection AddContentFeature(this IServiceCollection services)
    {
        services.AddScoped<ContentCatalogue>();
        services.AddScoped<ContentEditing>();
        services.AddHostedService<StaticPagesStartup>();
        services.AddScoped<IDemoSeeder, ContentDemoSeeder>();
        return services;
    }
}
