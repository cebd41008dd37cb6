using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Events;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.Consultation;

internal static class EventsFeature
{
    public static IServiceCollection AddEventsFeature(this IServiceCollection services)
    {
        services.AddScoped<EventCatalogue>();
        services.AddScoped<EventCalendars>();
        services.AddScoped<EventRegistrations>();
        services.AddScoped<EventManagement>();
        services.AddScoped<OpenGov.Consultation.Reports.IParticipationSource, EventsParticipation>();
        services.AddScoped<OpenGovWeekSubmissions>();
        services.AddScoped<OpenGov.SharedKernel.Outbox.AddressMailLimit>();
        services.AddScoped<IDemoSeeder, EventsDemoSeeder>();
        services.AddContentFeature();
        return services;
    }
}
