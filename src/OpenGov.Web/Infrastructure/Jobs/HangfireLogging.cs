using Hangfire.Logging;

namespace OpenGov.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide; the ASP.NET Core one keeps the first host's logger factory, which breaks once
/// that host is disposed (several hosts per process in tests). This one follows the latest host and drops messages when none is alive.
/// </summary>
internal sealed class HangfireLogging : ILogProvider
{
    public static readonly HangfireLogging Instance = new();
    private static volatile ILoggerFactory? _factory;

    public static void Use(ILoggerFactory factory) => _factory = factory;

    public ILog GetLogger(string name) => new Adapter(name);

    private sealed class Adapter(string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            ILogger logger;
            try
            {
                if (_factory is not { } factory) return false;
                logger = factory.CreateLogger(name);
            }
            catch (ObjectDisposedException) { return false; }
            var level = logLevel switch
            {
                Hangfire.Logging.LogLevel.Trace => Microsoft.Extensions.Logging.LogLevel.Trace,
                Hangfire.Logging.LogLevel.Debug => Microsoft.Extensions.Logging.LogLevel.Debug,
                Hangfire.Logging.LogLevel.Info => Microsoft.Extensions.Logging.LogLevel.Information,
                Hangfire.Logging.LogLevel.Warn => Microsoft.Extensions.Logging.LogLevel.Warning,
                Hangfire.Logging.LogLevel.Error => Microsoft.Extensions.Logging.LogLevel.Error,
                _ => Microsoft.Extensions.Logging.LogLevel.Critical,
            };
            if (messageFunc is null) return logger.IsEnabled(level);
            logger.Log(level, 0, exception, "{Message}", messageFunc());
            return true;
        }
    }
}
