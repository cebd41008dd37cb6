using Microsoft.Extensions.DependencyInjection;
using OpenGov.SharedKernel.Demo;
using OpenGov.SharedKernel.Jobs;
using OpenGov.Tracking.Plans;

namespace OpenGov.Tracking;

public sealed class TrackingOptions
{
    /// <summary>A commitment with no update for this many days is reported as stale to its project leads.</summary>
    public int StaleAfterDays { get; set; } = 30;

    /// <summary>Reminders go out once per period of this many days (weekly by default).</summary>
    public int ReminderIntervalDays { get; set; } = 7;

    /// <summary>An information request left unanswered for more than this many days is flagged.</summary>
    public int InformationRequestOverdueDays { get; set; } = 15;
}

public static class TrackingModule
{
    /// <summary>Registers the tracking module (the adopted plan and its progress).
    /// The host must register a scoped <c>Microsoft.EntityFrameworkCore.DbContext</c> that applies <see cref="ConfigurationAssembly"/>,
    /// and an <see cref="ILeadDirectory"/> (users' e-mails live in the host's identity store).</summary>
    public static IServiceCollection AddTracking(this IServiceCollection services, Action<TrackingOptions>? configure = null)
    {
        services.AddOptions<TrackingOptions>().Configure(o => configure?.Invoke(o));
        services.AddScoped<PlanQueries>();
        services.AddScoped<PlanOpenData>();
        services.AddScoped<PlanCycleFacts>();
        services.AddScoped<CommitmentReporting>();
        services.AddScoped<PlanAdministration>();
        services.AddScoped<CommitmentIndexing>();
        services.AddScoped<PlanTranslations>();
        services.AddScoped<OpenGov.SharedKernel.Text.ITranslatableTexts>(sp => sp.GetRequiredService<PlanTranslations>());
        services.AddScoped<InformationRequests>();
        services.AddScoped<CommitmentRecipients>();
        services.AddScoped<PlanReminders>();
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<PlanReminders>());
        services.AddScoped<IDemoSeeder, PlanDemoSeeder>();
        return services;
    }

    public static System.Reflection.Assembly ConfigurationAssembly => typeof(TrackingModule).Assembly;
}
