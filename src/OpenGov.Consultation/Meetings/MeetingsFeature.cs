using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Meetings;

namespace OpenGov.Consultation;

internal static class MeetingsFeature
{
    public static IServiceCollection AddMeetingsFeature(this IServiceCollection services)
    {
        services.AddScoped<MeetingService>();
        services.AddScoped<OpenGov.SharedKernel.Jobs.IRecurringJob, DecisionOverdueJob>();
        return services;
    }
}
