using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Foundation;

/// <summary>Two instances started together on an empty database both come up: migrations, roles and demo data are
/// created once, under the start-up lock.</summary>
public sealed class ConcurrentStartTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Demo:Enabled"] = "true",
        ["Notifications:WorkerEnabled"] = "false",
    };

    private sealed class SharedSqlite(string path) : SqliteFactory
    {
        protected override string ConnectionString => $"Data Source={path}";
        protected override IDictionary<string, string?> ExtraSettings => Settings;
    }

    private sealed class SharedPostgres(string database) : PostgresFactory
    {
        protected override string ConnectionString => new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = database }.ToString();
        protected override IDictionary<string, string?> ExtraSettings => Settings;
    }

    private static async Task BothComeUpAsync(OpenGovFactory first, OpenGovFactory second)
    {
        // Resolving Services builds and starts each host: their start-ups overlap.
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));
        foreach (var app in new[] { first, second })
        {
            var roles = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<RoleManager<IdentityRole>>().Roles.Count()));
            Assert.Equal(Roles.All.Count, roles);
            var health = await app.CreateClient().GetAsync("/health");
            Assert.True(health.IsSuccessStatusCode);
        }
    }

    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_sqlite_database_both_come_up()
    {
        var dir = Path.Combine(Path.GetTempPath(), "opengov-tests", "start-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "opengov.db");
        await using var first = new SharedSqlite(path);
        await using var second = new SharedSqlite(path);
        await BothComeUpAsync(first, second);
    }

    [Fact]
    [Trait("db", "postgres")]
    public async Task Two_instances_starting_together_on_an_empty_postgres_database_both_come_up()
    {
        var database = "og_start_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(PostgresFactory.BaseConnectionString))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            await using var first = new SharedPostgres(database);
            await using var second = new SharedPostgres(database);
            await BothComeUpAsync(first, second);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresFactory.BaseConnectionString);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
