using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Jobs;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire runs every background job: outbox dispatch (every minute, and at once when a change enqueues mail) and each
/// <see cref="IRecurringJob"/> (checked on <see cref="JobOptions.CheckCron"/>; its period decides whether it runs).
/// Storage: PostgreSQL (shared by all instances) on PostgreSQL, SQL Server (schema hangfire) on SQL Server; in memory on SQLite, the single-server configuration
/// (nothing to install, and recurring jobs are rebuilt at start while JobRuns and the outbox keep what must survive).
/// </summary>
public static class JobServer
{
    public const string DashboardPath = "/admin/jobs";
    public const string OutboxDispatchJob = "outbox-dispatch";

    public static IServiceCollection AddOpenGovJobs(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<JobOptions>(config.GetSection("Jobs"));
        services.AddSingleton<JobScheduler>();
        // Registered before AddHangfire (which only adds one if missing): one storage per host, not Hangfire's static one,
        // so several hosts in one process (tests) keep theirs apart.
        services.AddSingleton<JobStorage>(CreateStorage);
        services.AddHangfire((sp, c) =>
        {
            HangfireLogging.Use(sp.GetRequiredService<ILoggerFactory>());
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings().UseLogProvider(HangfireLogging.Instance);
        });
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddHostedService<JobServerHost>();
        return services;
    }

    private static JobStorage CreateStorage(IServiceProvider sp)
    {
        var config = sp.GetRequiredService<IConfiguration>();
        var storage = sp.GetRequiredService<IOptions<JobOptions>>().Value.Storage;
        var auto = string.Equals(storage, "Auto", StringComparison.OrdinalIgnoreCase);
        if (string.Equals(storage, "SqlServer", StringComparison.OrdinalIgnoreCase) || (auto && Persistence.Provider(config) == DatabaseProvider.SqlServer))
        {
            return new SqlServerStorage(Persistence.RequiredConnectionString(config, DatabaseProvider.SqlServer), new SqlServerStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
                QueuePollInterval = TimeSpan.FromSeconds(2),
                SlidingInvisibilityTimeout = TimeSpan.FromMinutes(30),
            });
        }
        var postgres = string.Equals(storage, "Postgres", StringComparison.OrdinalIgnoreCase)
            || (auto && Persistence.Provider(config) == DatabaseProvider.Postgres);
        if (!postgres) return new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) });
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            // Fire-and-forget dispatches are picked up within this delay by any instance.
            QueuePollInterval = TimeSpan.FromSeconds(2),
            InvisibilityTimeout = TimeSpan.FromMinutes(30),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(Persistence.PostgresConnectionString(config), options), options);
    }

    /// <summary>The jobs dashboard, to administrators only.</summary>
    public static IApplicationBuilder UseJobsDashboard(this IApplicationBuilder app)
        => app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            AsyncAuthorization = [],
            AppPath = "/admin",
            DisplayStorageConnectionString = false,
            DashboardTitle = "OpenGov jobs",
        }, app.ApplicationServices.GetRequiredService<JobStorage>());

    /// <summary>Anonymous visitors get 401, signed-in users without the Administrator role 403 (Hangfire's answers).</summary>
    public sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Administrator);
        }
    }
}

/// <summary>Starts this instance's Hangfire server and (re)declares the recurring jobs, unless jobs and the outbox worker are off.</summary>
internal sealed class JobServerHost(IServiceProvider services, IOptions<JobOptions> jobs, IOptions<NotificationOptions> notifications,
    ILogger<JobServerHost> logger) : IHostedService, IAsyncDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Hangfire's process-wide configuration (serializer, logging) is applied when this is first resolved.
        services.GetRequiredService<IGlobalConfiguration>();
        if (!jobs.Value.Enabled && !notifications.Value.WorkerEnabled) return Task.CompletedTask;
        var storage = services.GetRequiredService<JobStorage>();
        var manager = new RecurringJobManager(storage);
        if (notifications.Value.WorkerEnabled)
            manager.AddOrUpdate<OutboxDispatch>(JobServer.OutboxDispatchJob, d => d.DrainAsync(CancellationToken.None), Cron.Minutely());
        if (jobs.Value.Enabled)
        {
            using var scope = services.CreateScope();
            foreach (var name in scope.ServiceProvider.GetServices<IRecurringJob>().Select(j => j.Name))
                manager.AddOrUpdate<JobScheduler>(name, s => s.RunRecurringAsync(name, CancellationToken.None), jobs.Value.CheckCron);
        }
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
            {
                WorkerCount = Math.Max(1, jobs.Value.WorkerCount),
                ServerName = JobScheduler.Instance,
                SchedulePollingInterval = TimeSpan.FromSeconds(5),
                // Jobs are resolved from this host's services (a scope per job), not from Hangfire's process-wide activator.
                Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()),
                FilterProvider = services.GetRequiredService<Hangfire.Common.IJobFilterProvider>(),
            }, storage);
        logger.LogInformation("Job server {Server} started ({Storage})", JobScheduler.Instance, storage.GetType().Name);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null) return;
        _server.SendStop();
        await _server.WaitForShutdownAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _server = null;
        return ValueTask.CompletedTask;
    }
}
