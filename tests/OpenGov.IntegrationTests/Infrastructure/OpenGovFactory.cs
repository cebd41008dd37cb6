using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenGov.Web.Data;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Infrastructure;

/// <summary>
/// The real application on a real database: a fresh SQLite file or a fresh PostgreSQL database per fixture,
/// mail in a private pickup folder, a settable clock. Derive per provider; see <see cref="SqliteFactory"/> and <see cref="PostgresFactory"/>.
/// </summary>
public abstract class OpenGovFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "opengov-tests", Guid.NewGuid().ToString("N"));

    static OpenGovFactory()
    {
        // Each test host would watch appsettings*.json and its content root through inotify; the hundreds of hosts of one run
        // then exceed the default 128 inotify instances per user (IOException, then 400s on every page). Tests never edit
        // configuration files, so no reload and no inotify.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    protected OpenGovFactory()
    {
        Directory.CreateDirectory(_workDir);
        MailDir = Path.Combine(_workDir, "mail");
        Directory.CreateDirectory(MailDir);
    }

    public abstract string ProviderName { get; }
    public string MailDir { get; }
    public TestClock Clock { get; } = new();
    public MailFolder Mail => new(MailDir);
    protected string WorkDir => _workDir;

    /// <summary>Extra settings for a fixture (e.g. a lower rate limit).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected abstract string ConnectionString { get; }

    /// <summary>The database of this fixture, for a second instance on the same database (<see cref="PeerFactory"/>).</summary>
    public string DatabaseConnectionString => ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = ProviderName,
            ["ConnectionStrings:OpenGov"] = ConnectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Demo:Enabled"] = "false",
            ["Mail:Mode"] = "Pickup",
            ["Mail:PickupDirectory"] = MailDir,
            ["RateLimiting:AuthPermitsPerMinute"] = "10000",
            ["RateLimiting:SubmitPermitsPerMinute"] = "10000",
            ["RateLimiting:PostPermitsPerMinute"] = "10000",
            ["RateLimiting:AnonymousSubmitPermitsPerHour"] = "10000",
            ["Https:Redirect"] = "false",
            ["Site:PublicBaseUrl"] = "http://localhost",
            // Tests run jobs by hand (JobScheduler.RunIfDueAsync), so nothing runs behind their back.
            ["Jobs:Enabled"] = "false",
        };
        foreach (var (k, v) in ExtraSettings) settings[k] = v;
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s to the login page.</summary>
    public virtual HttpClient CreateBrowserlikeClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> action) => WithScopeAsync(async sp => { await action(sp); return 0; });

    public Task WithDbAsync(Func<AppDbContext, Task> action) => WithScopeAsync(sp => action(sp.GetRequiredService<AppDbContext>()));

    public Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action) => WithScopeAsync(sp => action(sp.GetRequiredService<AppDbContext>()));

    public const string Password = "correct horse battery staple";

    /// <summary>Creates a confirmed user with the given roles (Citizen is always added) and returns its id.</summary>
    public Task<string> CreateUserAsync(string email, params string[] roles) => WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = email.Split('@')[0], CreatedAt = Clock.UtcNow,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var role in roles.Append(Roles.Citizen).Distinct()) await users.AddToRoleAsync(user, role);
        return user.Id;
    });

    /// <summary>
    /// The one way tests sign in: a new user with the given roles (Citizen always), signed in through the real login form
    /// (antiforgery, SignInManager, the application cookie). Deconstructs to (Client, UserId) or (Client, UserId, Email).
    /// </summary>
    public async Task<SignedInClient> SignedInClientAsync(params string[] roles)
    {
        var email = $"u{Guid.NewGuid():N}"[..20] + "@test.opengov.ma";
        var id = await CreateUserAsync(email, roles);
        return new SignedInClient(await SignedInClientForAsync(id), id, email);
    }

    /// <summary>
    /// A client signed in through the real login form as an existing user made by <see cref="CreateUserAsync"/>; or, given
    /// <paramref name="client"/>, that client signed in again, keeping its other cookies (sessions last 8 hours, so a test
    /// that moves <see cref="Clock"/> past that signs in again, as a person would).
    /// </summary>
    public async Task<HttpClient> SignedInClientForAsync(string userId, HttpClient? client = null)
    {
        client ??= CreateBrowserlikeClient();
        await client.LoginAsync(await EmailOfAsync(userId), Password);
        return client;
    }

    /// <summary>The e-mail address (login name) of a user.</summary>
    public Task<string> EmailOfAsync(string userId) => WithScopeAsync(async sp =>
        (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId))?.Email
        ?? throw new InvalidOperationException($"No user {userId}."));
}

/// <summary>A client signed in by <see cref="OpenGovFactory.SignedInClientAsync"/>, with its user's id and e-mail.</summary>
public sealed record SignedInClient(HttpClient Client, string UserId, string Email)
{
    public void Deconstruct(out HttpClient client, out string userId) => (client, userId) = (Client, UserId);
}

/// <summary>A second instance of the application on the database of <paramref name="first"/> (as several web servers share one
/// PostgreSQL): its own caches, services and background work.</summary>
public sealed class PeerFactory(OpenGovFactory first) : OpenGovFactory
{
    public override string ProviderName => first.ProviderName;
    protected override string ConnectionString => first.DatabaseConnectionString;
}

public class SqliteFactory : OpenGovFactory
{
    public override string ProviderName => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(WorkDir, "opengov.db")}";
}

/// <summary>
/// A fresh database on the throwaway cluster started by scripts/test.sh (OPENGOV_TEST_PG holds its base
/// connection string). Without it these tests fail with a clear message instead of silently passing.
/// </summary>
public class PostgresFactory : OpenGovFactory
{
    private readonly string _database = "og_" + Guid.NewGuid().ToString("N")[..16];

    public override string ProviderName => "Postgres";

    public static string BaseConnectionString => Environment.GetEnvironmentVariable("OPENGOV_TEST_PG")
        ?? throw new InvalidOperationException("OPENGOV_TEST_PG is not set: run the suite through scripts/test.sh, which starts a throwaway PostgreSQL cluster.");

    /// <summary>A smaller pool for fixtures that open many concurrent connections; null keeps Npgsql's default.</summary>
    protected virtual int? MaxPoolSize => null;

    protected override string ConnectionString
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = _database, Pooling = true };
            if (MaxPoolSize is { } max) b.MaxPoolSize = max;
            return b.ToString();
        }
    }

    public override async Task InitializeAsync()
    {
        await using var conn = new NpgsqlConnection(BaseConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(BaseConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>The application on a real Kestrel port, for the browser tests.</summary>
public class KestrelSqliteFactory : OpenGovFactory
{
    private readonly int _port = FreePort();

    public KestrelSqliteFactory() => UseKestrel(_port);

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public override string ProviderName => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(WorkDir, "opengov.db")}";

    /// <summary>Starts the server on first use.</summary>
    public string BaseUrl
    {
        get
        {
            StartServer();
            return $"http://127.0.0.1:{_port}";
        }
    }

    /// <summary>The same browser-like client, over the Kestrel port.</summary>
    public override HttpClient CreateBrowserlikeClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(BaseUrl) };

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Site:PublicBaseUrl"] = $"http://127.0.0.1:{_port}",
    };
}
