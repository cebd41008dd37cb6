using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Caching;
using OpenGov.Web.Data;

namespace OpenGov.Web.Infrastructure.Caching;

/// <summary>
/// Reads the ContentGenerations table (a dozen rows, primary-key scan) every <c>Caching:PollInterval</c> (1 s): a version
/// written by another instance moves this instance's epoch for that area. So a change made through any instance is visible on
/// every instance within the interval, with nothing but the shared database (no message bus to run).
/// </summary>
public sealed class ContentGenerationPoller(IServiceScopeFactory scopes, ContentVersions versions, IConfiguration config,
    ILogger<ContentGenerationPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Caching:Enabled", true)) return;
        var interval = config.GetValue("Caching:PollInterval", TimeSpan.FromSeconds(1));
        var first = true;
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var rows = await db.Set<ContentGeneration>().AsNoTracking().Select(g => new { g.Tag, g.Version }).ToListAsync(stoppingToken);
                versions.Observed(rows.Select(r => (r.Tag, r.Version)), first);
                first = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // Database not migrated yet, or briefly unreachable: try again next tick.
                logger.LogDebug(ex, "Content generations could not be read");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
