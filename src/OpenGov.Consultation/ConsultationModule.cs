using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Associations;

namespace OpenGov.Consultation;

public sealed class ConsultationOptions
{
    /// <summary>Published content is hidden automatically after this many distinct reports, pending review.</summary>
    public int ReportsBeforeHiding { get; set; } = 3;
}

public static class ConsultationModule
{
    /// <summary>Registers the consultation module: cycles, proposals, commitment sheets, feedback, forum, committees, meetings and events.
    /// The host must register a scoped <c>Microsoft.EntityFrameworkCore.DbContext</c> that applies <see cref="ConfigurationAssembly"/>.</summary>
    public static IServiceCollection AddConsultation(this IServiceCollection services, Action<ConsultationOptions>? configure = null)
    {
        services.AddOptions<ConsultationOptions>().Configure(o => configure?.Invoke(o));
        services.AddScoped<AssociationMembership>();
        services.AddScoped<Follows.Followers>();
        // Each feature registers its own use cases, so features grow without touching each other.
        services.AddCyclesFeature();
        services.AddAssociationsFeature();
        services.AddProposalsFeature();
        services.AddSheetsFeature();
        services.AddFeedbackFeature();
        services.AddForumFeature();
        services.AddCommitteesFeature();
        services.AddMeetingsFeature();
        services.AddEventsFeature();
        services.AddStandardsFeature();
        services.AddWorkshopsFeature();
        services.AddScoped<OpenData.ConsultationOpenData>();
        return services;
    }

    public static System.Reflection.Assembly ConfigurationAssembly => typeof(ConsultationModule).Assembly;
}
