using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Jobs;
using OpenGov.Web.Data;

namespace OpenGov.Web.Infrastructure.Jobs;

public sealed class JobOptions
{
    /// <summary>Run a job server in this instance and schedule the recurring jobs (off in tests, which run jobs by hand).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>"Auto" (PostgreSQL storage on PostgreSQL, in-memory storage on SQLite), "Postgres" or "InMemory".</summary>
    public string Storage { get; set; } = "Auto";
    /// <summary>Concurrent jobs per instance.</summary>
    public int WorkerCount { get; set; } = 4;
    /// <summary>How often each recurring job checks whether its period has been run (cron, UTC).</summary>
    public string CheckCron { get; set; } = "*/5 * * * *";
    /// <summary>How long a run's claim lasts without renewal (renewed every third of it while the job runs).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Runs every registered <see cref="IRecurringJob"/> once per period across instances. Hangfire triggers
/// <see cref="RunRecurringAsync"/> on a schedule; claims are rows in JobRuns (unique job+period) holding a lease renewed
/// while the job runs, so a second instance skips a period being run, and takes over one whose run failed or died.
/// </summary>
public sealed class JobScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<JobScheduler> logger)
{
    public static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>The Hangfire entry point: a failure is rethrown so that Hangfire retries it.</summary>
    public Task RunRecurringAsync(string jobName, CancellationToken ct) => RunIfDueAsync(jobName, ct);

    /// <summary>Runs the job if its current period has no successful or live run. True when this call ran it successfully.</summary>
    public async Task<bool> RunIfDueAsync(string jobName, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == jobName);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var period = job.PeriodOf(now);
        var token = $"{Instance}/{Guid.NewGuid():N}";
        if (token.Length > 200) token = token[^200..];
        var runId = await ClaimAsync(db, job.Name, period, token, now, ct);
        if (runId is null) return false;

        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(runId.Value, token, stopHeartbeat.Token);
        try
        {
            await job.RunAsync(now, ct);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Job {Job} failed for period {Period}", job.Name, period);
            await stopHeartbeat.CancelAsync();
            await heartbeat;
            // Released at once, so the retry (Hangfire's, or the next trigger) may take it.
            await FinishAsync(runId.Value, token, ex is OperationCanceledException ? "cancelled" : ex.GetType().Name + ": " + ex.Message);
            throw;
        }
        await stopHeartbeat.CancelAsync();
        await heartbeat;
        await FinishAsync(runId.Value, token, null);
        return true;
    }

    /// <summary>Inserts the period's claim, or takes over a failed or expired one; null when another run holds or finished it.</summary>
    private async Task<long?> ClaimAsync(AppDbContext db, string job, string period, string token, DateTime now, CancellationToken ct)
    {
        var until = now + options.Value.ClaimLease;
        var existing = await db.Set<JobRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Job == job && r.Period == period, ct);
        if (existing is null)
        {
            var run = new JobRun(job, period, now, token, until);
            db.Add(run);
            try
            {
                await db.SaveChangesAsync(ct);
                return run.Id;
            }
            catch (DbUpdateException) { return null; } // another instance claimed this period first
        }
        if (!existing.CanBeTakenOver(now)) return null;
        // Conditional on the attempt number: of two instances taking over the same run, one wins.
        var won = await db.Set<JobRun>().Where(r => r.Id == existing.Id && r.Attempts == existing.Attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Instance, token).SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.LeaseUntil, until).SetProperty(r => r.CompletedAt, (DateTime?)null)
                .SetProperty(r => r.Error, (string?)null).SetProperty(r => r.Attempts, existing.Attempts + 1), ct);
        if (won == 0) return null;
        logger.LogWarning("Job {Job} period {Period}: re-running after attempt {Attempt} ({Error})", job, period, existing.Attempts,
            existing.Error ?? "claim expired");
        return existing.Id;
    }

    private async Task HeartbeatAsync(long runId, string token, CancellationToken stop)
    {
        var lease = options.Value.ClaimLease;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(lease / 3, stop);
                await using var scope = scopes.CreateAsyncScope();
                var until = clock.GetUtcNow().UtcDateTime + lease;
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<JobRun>()
                    .Where(r => r.Id == runId && r.Instance == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, until), stop);
            }
            catch (OperationCanceledException) { return; }
            catch (Exception ex) { logger.LogWarning(ex, "Renewing job claim {Run} failed", runId); }
        }
    }

    private async Task FinishAsync(long runId, string token, string? error)
    {
        if (error is { Length: > 2000 }) error = error[..2000];
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<JobRun>().Where(r => r.Id == runId && r.Instance == token)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAt, now).SetProperty(r => r.Error, error), CancellationToken.None);
    }
}
