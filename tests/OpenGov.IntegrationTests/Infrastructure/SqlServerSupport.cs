using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.SqlClient;
using OpenGov.IntegrationTests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("OpenGov.IntegrationTests.Infrastructure.OpenGovTestFramework", "OpenGov.IntegrationTests")]

namespace OpenGov.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database per fixture on the SQL Server named by OPENGOV_TEST_SQLSERVER (a connection string to any database the
/// login may create databases from, e.g. "Server=localhost,1433;User ID=sa;Password=...;TrustServerCertificate=true").
/// Without it, the classes marked <see cref="RequiresSqlServerAttribute"/> are reported as skipped (no engine is started here).
/// </summary>
public class SqlServerFactory : OpenGovFactory
{
    public const string Variable = "OPENGOV_TEST_SQLSERVER";
    private readonly string _database = "og_" + Guid.NewGuid().ToString("N")[..16];
    private bool _created;

    public static string? BaseConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Why SQL Server tests are skipped, or null when they run.</summary>
    public static string? SkipReason => BaseConnectionString is null ? $"{Variable} is not set: no SQL Server to test on." : null;

    public override string ProviderName => "SqlServer";

    protected override string ConnectionString => new SqlConnectionStringBuilder(BaseConnectionString
        ?? throw new InvalidOperationException(SkipReason)) { InitialCatalog = _database, Pooling = true }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Shared tests search right after writing; the full-text index fills asynchronously, so they use the LIKE fallback.
        // SqlServerSearchModeTests covers the full-text path, waiting for the index.
        builder.UseSetting("Search:SqlServerFullText", FullText ? "true" : "false");
    }

    /// <summary>Whether this fixture lets the site use SQL Server full-text search (where installed).</summary>
    protected virtual bool FullText => false;

    public override async Task InitializeAsync()
    {
        if (BaseConnectionString is null) return; // skipped: the fixture is still built by xUnit, never used
        await using var conn = new SqlConnection(BaseConnectionString);
        await conn.OpenAsync();
        await ExecuteAsync(conn, $"CREATE DATABASE [{_database}]");
        _created = true;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_created) return;
        SqlConnection.ClearAllPools();
        await using var conn = new SqlConnection(BaseConnectionString);
        await conn.OpenAsync();
        await ExecuteAsync(conn, $"ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}];");
    }

    // A database name cannot be a parameter; _database is "og_" + hex digits made here.
    private static async Task ExecuteAsync(SqlConnection conn, string ddl)
    {
#pragma warning disable DAP241
        await using var cmd = new SqlCommand(ddl, conn);
#pragma warning restore DAP241
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>Marks a test class that runs on SQL Server: its tests are skipped when OPENGOV_TEST_SQLSERVER is not set.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresSqlServerAttribute : Attribute;

/// <summary>A fact of its own that needs SQL Server (skipped without OPENGOV_TEST_SQLSERVER).</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute() => Skip = SqlServerFactory.SkipReason;
}

/// <summary>
/// xUnit's framework, except that the inherited facts and theories of a <see cref="RequiresSqlServerAttribute"/> class are
/// discovered as skipped when there is no SQL Server: the abstract test classes keep plain [Fact]s shared by every provider.
/// </summary>
public sealed class OpenGovTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo)
        => new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink sink)
        : XunitTestFrameworkDiscoverer(assembly, source, sink)
    {
        protected override bool FindTestsForType(ITestClass testClass, bool includeSourceInformation, IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (SqlServerFactory.SkipReason is { } reason && testClass.Class.GetCustomAttributes(typeof(RequiresSqlServerAttribute)).Any())
                messageBus = new SkippingBus(messageBus, reason, DiagnosticMessageSink);
            return base.FindTestsForType(testClass, includeSourceInformation, messageBus, discoveryOptions);
        }
    }

    /// <summary>Replaces each discovered test case by a skipped one with the same method and arguments.</summary>
    private sealed class SkippingBus(IMessageBus inner, string reason, IMessageSink sink) : IMessageBus
    {
        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage { TestCase: IXunitTestCase x } && string.IsNullOrEmpty(x.SkipReason))
                message = new TestCaseDiscoveryMessage(new XunitSkippedDataRowTestCase(sink, TestMethodDisplay.ClassAndMethod,
                    TestMethodDisplayOptions.None, x.TestMethod, reason, x.TestMethodArguments));
            return inner.QueueMessage(message);
        }

        public void Dispose() { } // the inner bus belongs to the caller
    }
}
