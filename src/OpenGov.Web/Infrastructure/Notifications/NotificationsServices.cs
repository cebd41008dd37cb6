using OpenGov.SharedKernel.Jobs;

namespace OpenGov.Web.Infrastructure.Notifications;

public static class NotificationsServices
{
    /// <summary>The outbox delivery (run by the job server), mail rendering, preferences, unsubscribe tokens and the daily digest.</summary>
    public static IServiceCollection AddOpenGovNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<NotificationOptions>(config.GetSection("Notifications"));
        services.AddSingleton<MailRenderer>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<IRecurringJob, DigestJob>();
        services.AddScoped<OutboxDispatch>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        return services;
    }
}
