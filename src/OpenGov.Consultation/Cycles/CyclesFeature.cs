using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Cycles;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.Consultation;

internal static class CyclesFeature
{
    public static IServiceCollection AddCyclesFeature(this IServiceCollection services)
    {
        services.AddScoped<IDemoSeeder, CyclesDemoSeeder>();
        services.AddScoped<CycleQueries>();
        services.AddScoped<CurrentCycle>();
        services.AddScoped<CycleAdministration>();
        services.AddScoped<CycleTranslations>();
        services.AddScoped<OpenGov.SharedKernel.Text.ITranslatableTexts>(sp => sp.GetRequiredService<CycleTranslations>());
        return services;
    }
}
