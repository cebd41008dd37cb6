using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Jobs;
using OpenGov.Web.Data;

namespace OpenGov.Web.Infrastructure.Jobs;

public sealed class JobOptions
{
    /// <summary>How often the scheduler checks whether a job's period has a run yet.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Disable all recurring jobs (e.g. in a read-only replica or in tests that run jobs by hand).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Runs every registered <see cref="IRecurringJob"/> once per period. Claims are rows in JobRuns (unique job+period),
/// so several instances on one database never run the same period twice.
/// </summary>
public sealed class JobScheduler(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<JobOptions> options,
    ILogger<JobScheduler> logger) : BackgroundService
{
    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try { await RunDueJobsAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) { logger.LogError(ex, "Job scheduler pass failed"); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: each job whose current period has no claimed run is claimed and run.</summary>
    public async Task RunDueJobsAsync(CancellationToken ct)
    {
        List<string> names;
        await using (var scope = scopes.CreateAsyncScope())
            names = scope.ServiceProvider.GetServices<IRecurringJob>().Select(j => j.Name).ToList();
        foreach (var name in names)
            await RunIfDueAsync(name, ct);
    }

    public async Task<bool> RunIfDueAsync(string jobName, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == jobName);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var period = job.PeriodOf(now);
        if (await db.Set<JobRun>().AnyAsync(r => r.Job == job.Name && r.Period == period, ct)) return false;
        var run = new JobRun(job.Name, period, now, Instance);
        db.Add(run);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return false; } // another instance claimed this period first
        string? error = null;
        try { await job.RunAsync(now, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = ex.Message;
            logger.LogError(ex, "Job {Job} failed for period {Period}", job.Name, period);
        }
        db.ChangeTracker.Clear();
        var claimed = await db.Set<JobRun>().SingleAsync(r => r.Id == run.Id, ct);
        claimed.Complete(clock.GetUtcNow().UtcDateTime, error);
        await db.SaveChangesAsync(ct);
        return error is null;
    }
}
