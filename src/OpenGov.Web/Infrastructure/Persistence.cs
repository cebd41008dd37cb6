using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;
using OpenGov.Web.Data;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

public static class Persistence
{
    public static DatabaseProvider Provider(IConfiguration config)
    {
        var value = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException($"Database:Provider must be 'Sqlite', 'Postgres' or 'SqlServer', not '{value}'.");
    }

    /// <summary>Registers the provider-specific contexts and exposes the configured one as <see cref="AppDbContext"/> and as the
    /// plain <see cref="DbContext"/> the modules use. Configuration is read when a context is first resolved, not at registration.</summary>
    public static IServiceCollection AddOpenGovPersistence(this IServiceCollection services)
    {
        services.AddDbContext<SqliteAppDbContext>((sp, o) => o.UseSqlite(
            SqliteConnectionString(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()))
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        // Transient errors (a restart, a failover) are retried instead of answering 500.
        services.AddDbContext<PostgresAppDbContext>((sp, o) => o.UseNpgsql(PostgresConnectionString(sp.GetRequiredService<IConfiguration>()),
                npgsql => npgsql.ExecutionStrategy(deps => new RetryOutsideTransactions(deps)))
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddDbContext<SqlServerAppDbContext>((sp, o) => o.UseSqlServer(
                RequiredConnectionString(sp.GetRequiredService<IConfiguration>(), DatabaseProvider.SqlServer),
                sql => sql.ExecutionStrategy(deps => new SqlServerRetryOutsideTransactions(deps)))
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddScoped<AppDbContext>(sp => Provider(sp.GetRequiredService<IConfiguration>()) switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresAppDbContext>(),
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerAppDbContext>(),
            _ => sp.GetRequiredService<SqliteAppDbContext>(),
        });
        services.AddScoped<DbContext>(sp => sp.GetRequiredService<AppDbContext>());
        return services;
    }

    public static string PostgresConnectionString(IConfiguration config) => RequiredConnectionString(config, DatabaseProvider.Postgres);

    /// <summary>Server databases have no default location: the connection string is required.</summary>
    public static string RequiredConnectionString(IConfiguration config, DatabaseProvider provider)
    {
        var cs = config.GetConnectionString("OpenGov");
        return string.IsNullOrWhiteSpace(cs)
            ? throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:OpenGov is empty.")
            : cs;
    }

    /// <summary>The configured SQLite connection string, or a file in the data folder, created on first run.</summary>
    public static string SqliteConnectionString(IConfiguration config, IHostEnvironment env)
    {
        var configured = config.GetConnectionString("OpenGov");
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? "Data Source=" + Path.Combine(env.ContentRootPath, "data", "opengov.db")
            : configured);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource))
        {
            var path = Path.GetFullPath(builder.DataSource, env.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>
    /// Start-up work that must not run twice at once when several instances start together (migrations, roles, demo data,
    /// the jobs storage's schema): done under a database-wide lock — a PostgreSQL advisory lock, a SQL Server application lock, or on SQLite (one machine)
    /// an exclusive lock on a file beside the database — and each step is idempotent, so the second instance finds it done.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var config = services.GetRequiredService<IConfiguration>();
        await WithStartupLockAsync(services, async () =>
        {
            if (config.GetValue("Database:MigrateOnStart", true)) await MigrateAsync(services, ct);
            await Demo.DemoData.EnsureRolesAsync(services);
            // Creates the jobs storage (its schema on PostgreSQL) inside the lock too.
            services.GetRequiredService<Hangfire.JobStorage>();
            if (config.GetValue("Demo:Enabled", false)) await Demo.DemoData.SeedAsync(services, logger, ct);
        }, ct);
    }

    /// <summary>Runs <paramref name="action"/> while no other instance runs start-up work on the same database.</summary>
    public static async Task WithStartupLockAsync(IServiceProvider services, Func<Task> action, CancellationToken ct = default)
    {
        var config = services.GetRequiredService<IConfiguration>();
        if (Provider(config) == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(PostgresConnectionString(config));
            await connection.OpenAsync(ct);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection))
                await lockCommand.ExecuteNonQueryAsync(ct);
            try { await action(); }
            finally
            {
                await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            return;
        }
        if (Provider(config) == DatabaseProvider.SqlServer)
        {
            // A session-owned application lock: released when the connection closes, even if this instance dies.
            await using var connection = new SqlConnection(RequiredConnectionString(config, DatabaseProvider.SqlServer));
            await connection.OpenAsync(ct);
            await using (var lockCommand = new SqlCommand(
                "EXEC sp_getapplock @Resource = 'opengov-startup', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1", connection))
            {
                lockCommand.CommandTimeout = 0;
                await lockCommand.ExecuteNonQueryAsync(ct);
            }
            try { await action(); }
            finally
            {
                await using var unlock = new SqlCommand("EXEC sp_releaseapplock @Resource = 'opengov-startup', @LockOwner = 'Session'", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            return;
        }
        var builder = new SqliteConnectionStringBuilder(SqliteConnectionString(config, services.GetRequiredService<IHostEnvironment>()));
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            await action();
            return;
        }
        // SQLite's own write lock cannot be held across EF's connections, so a lock file serialises start-ups instead.
        await using var file = await OpenExclusiveAsync(builder.DataSource + ".startup-lock", ct);
        await action();
    }

    /// <summary>An arbitrary constant shared by every instance: "OGstart".</summary>
    private const long StartupLockKey = 0x4F47_7374_6172_74;

    private static async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { await Task.Delay(100, ct); }
        }
    }

    /// <summary>Applies pending migrations. On SQLite, switches to WAL so readers do not block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        // SQL Server: full text where installed unless Search:SqlServerFullText=false (then the LIKE fallback).
        var fullText = scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Search:SqlServerFullText", true);
        await SharedKernel.Search.SearchSchema.EnsureAsync(db, fullText, ct);
    }
}

/// <summary>
/// Npgsql's retrying strategy, except inside a transaction the caller opened: those statements run once (a retry of one
/// statement in the middle of a transaction would be wrong), and the code that opens a transaction wraps the whole unit
/// in <c>CreateExecutionStrategy().ExecuteAsync</c> where it must survive a transient error.
/// </summary>
public sealed class RetryOutsideTransactions(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null)
{
    private bool InUserTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    /// <summary>The base refuses to run inside a user transaction; here the statement runs, once.</summary>
    protected override void OnFirstExecution()
    {
        if (InUserTransaction) ExceptionsEncountered.Clear();
        else base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) => !InUserTransaction && base.ShouldRetryOn(exception);
}

/// <summary>The same rule on SQL Server: retried outside transactions, run once inside one the caller opened.</summary>
public sealed class SqlServerRetryOutsideTransactions(ExecutionStrategyDependencies dependencies)
    : SqlServerRetryingExecutionStrategy(dependencies, maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(5), errorNumbersToAdd: null)
{
    private bool InUserTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override void OnFirstExecution()
    {
        if (InUserTransaction) ExceptionsEncountered.Clear();
        else base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception exception) => !InUserTransaction && base.ShouldRetryOn(exception);
}
