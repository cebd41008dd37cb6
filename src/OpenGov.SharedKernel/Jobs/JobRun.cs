using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.SharedKernel.Jobs;

/// <summary>
/// Claims one run of a recurring job for one period ("plan-reminders", "2026-W47"). The unique index makes the claim
/// hold across several web instances on one database: only the instance whose insert succeeds runs the job for that period.
/// A claim is a lease (<see cref="LeaseUntil"/>, renewed while the job runs): a run killed with its instance, or failed,
/// is taken over by the next trigger, counted in <see cref="Attempts"/>.
/// </summary>
public sealed class JobRun
{
    private JobRun() { }

    public JobRun(string job, string period, DateTime startedAt, string instance, DateTime leaseUntil)
    {
        Job = job;
        Period = period;
        StartedAt = startedAt;
        Instance = instance;
        LeaseUntil = leaseUntil;
        Attempts = 1;
    }

    public long Id { get; private set; }
    public string Job { get; private set; } = "";
    public string Period { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public string Instance { get; private set; } = "";
    public string? Error { get; private set; }
    /// <summary>Until when the running instance holds the claim; null on runs recorded before leases existed.</summary>
    public DateTime? LeaseUntil { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>Done for its period: completed without error.</summary>
    public bool Succeeded => CompletedAt is not null && Error is null;

    /// <summary>Another instance may run the period again: it failed, or its runner stopped renewing the claim.</summary>
    public bool CanBeTakenOver(DateTime now) => CompletedAt is null ? LeaseUntil is null || LeaseUntil < now : Error is not null;
}

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Job).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Period).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Instance).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Error).HasMaxLength(2000);
        builder.HasIndex(x => new { x.Job, x.Period }).IsUnique();
    }
}

/// <summary>A job that runs at most once per period across all instances. Implementations are plain use cases,
/// registered as scoped services and run by the web host's job scheduler (or directly by tests).</summary>
public interface IRecurringJob
{
    /// <summary>Unique job name, e.g. "plan-reminders".</summary>
    string Name { get; }

    /// <summary>The period a moment belongs to (e.g. ISO week "2026-W47", day "2026-11-21", hour "2026-11-21T10").
    /// The job runs once per period.</summary>
    string PeriodOf(DateTime utcNow);

    Task RunAsync(DateTime utcNow, CancellationToken ct);
}

public static class Periods
{
    public static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public static string Hour(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH", System.Globalization.CultureInfo.InvariantCulture);
    public static string IsoWeek(DateTime utc) => $"{System.Globalization.ISOWeek.GetYear(utc)}-W{System.Globalization.ISOWeek.GetWeekOfYear(utc):00}";

    /// <summary>Periods of N days counted from the Unix epoch, for "every N days" jobs.</summary>
    public static string EveryDays(DateTime utc, int days) => $"d{days}-{(long)(utc - DateTime.UnixEpoch).TotalDays / Math.Max(1, days)}";
}
