using OpenGov.SharedKernel.Jobs;

namespace OpenGov.Web.Infrastructure.Notifications;

public static class NotificationsServices
{
    /// <summary>The outbox delivery worker, mail rendering, preferences, unsubscribe tokens and the daily digest.</summary>
    public static IServiceCollection AddOpenGovNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<NotificationOptions>(config.GetSection("Notifications"));
        services.AddSingleton<MailRenderer>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<IRecurringJob, DigestJob>();
        services.AddHostedService<OutboxDeliveryWorker>();
        return services;
    }
}
