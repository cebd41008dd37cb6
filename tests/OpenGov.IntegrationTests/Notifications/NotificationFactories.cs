using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Notifications;

public static class TestUsers
{
    /// <summary>A signed-in user without the right: 403, or the cookie handler's redirect to the access-denied page.</summary>
    public static void AssertForbidden(HttpResponseMessage response) => Http.AssertForbidden(response);

    /// <summary>Settings for notification tests: deliveries happen when the test says so.</summary>
    internal static Dictionary<string, string?> ManualDelivery => new()
    {
        ["Notifications:WorkerEnabled"] = "false",
        ["Notifications:MaxAttempts"] = "3",
        ["Notifications:RetryBaseDelay"] = "00:01:00",
        ["Notifications:Lease"] = "00:05:00",
        ["Notifications:BatchSize"] = "20",
    };
}

public sealed class NotificationsSqliteFactory : SqliteFactory
{
    protected override IDictionary<string, string?> ExtraSettings => TestUsers.ManualDelivery;
}

public sealed class NotificationsPostgresFactory : PostgresFactory
{
    protected override int? MaxPoolSize => 20;
    protected override IDictionary<string, string?> ExtraSettings => TestUsers.ManualDelivery;
}

/// <summary>The app on a Kestrel port with the outbox dispatched by the job server (pickup folder), for the browser journey.</summary>
public sealed class FeedbackKestrelFactory : KestrelSqliteFactory;

public sealed class NotificationsSqlServerFactory : SqlServerFactory
{
    protected override IDictionary<string, string?> ExtraSettings => TestUsers.ManualDelivery;
}
