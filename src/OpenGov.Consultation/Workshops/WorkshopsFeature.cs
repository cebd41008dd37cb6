using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Workshops;

namespace OpenGov.Consultation;

internal static class WorkshopsFeature
{
    public static IServiceCollection AddWorkshopsFeature(this IServiceCollection services)
    {
        services.AddScoped<WorkshopIdeas>();
        services.AddScoped<WorkshopFigures>();
        // Online vs workshop ideas and the workshops' head count join the synthesis report's figures (page, DOCX, CSV, JSON).
        services.AddScoped<Reports.IParticipationSource>(sp => sp.GetRequiredService<WorkshopFigures>());
        return services;
    }
}
