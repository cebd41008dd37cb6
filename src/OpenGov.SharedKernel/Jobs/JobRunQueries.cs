using Microsoft.EntityFrameworkCore;

namespace OpenGov.SharedKernel.Jobs;

/// <summary>Read side of the recurring jobs' claims (JobRuns), for the operator's dashboard.</summary>
public sealed class JobRunQueries(DbContext db)
{
    /// <summary>Each job's latest run (by start), by job name. JobRuns holds one row per job and period: a few hundred a year.</summary>
    public async Task<IReadOnlyList<JobHealth>> LatestRunsAsync(CancellationToken ct = default)
    {
        var latest = db.Set<JobRun>().GroupBy(r => r.Job).Select(g => new { Job = g.Key, Id = g.Max(r => r.Id) });
        return await db.Set<JobRun>().AsNoTracking().Where(r => latest.Any(l => l.Id == r.Id)).OrderBy(r => r.Job)
            .Select(r => new JobHealth(r.Job, r.Period, r.StartedAt, r.CompletedAt, r.Error, r.Attempts)).ToListAsync(ct);
    }
}
