using Microsoft.Extensions.DependencyInjection;

namespace OpenGov.Consultation;

internal static class SheetsFeature
{
    public static IServiceCollection AddSheetsFeature(this IServiceCollection services)
    {
        return services;
    }
}
