using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenGov.Web.Data;

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
            SqliteConnectionString(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>())));
        services.AddDbContext<PostgresAppDbContext>((sp, o) => o.UseNpgsql(PostgresConnectionString(sp.GetRequiredService<IConfiguration>())));
        // No retrying execution strategy on SQL Server: it refuses the user-initiated transactions the outbox and counters use.
        services.AddDbContext<SqlServerAppDbContext>((sp, o) => o.UseSqlServer(
            RequiredConnectionString(sp.GetRequiredService<IConfiguration>(), DatabaseProvider.SqlServer)));
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
