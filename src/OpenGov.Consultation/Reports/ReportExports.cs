using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace OpenGov.Consultation.Reports;

/// <summary>What the export page shows: no content.</summary>
public sealed record ReportExportView(Guid Id, Guid CycleId, string File, ReportExportStatus Status, int Percent, DateTime RequestedAt,
    DateTime ExpiresAt, long Size, bool Expired);

/// <summary>
/// The background exports of large cycles' reports: request (reusing a recent one), progress, completion, download while not
/// expired, and the purge of expired files.
/// </summary>
public sealed class ReportExports(DbContext db, SynthesisReports reports, IOptions<ReportExportOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Public ideas above which a cycle's report files are computed in the background.</summary>
    public int BackgroundThreshold => options.Value.BackgroundThreshold;

    /// <summary>Whether this cycle's report files are computed in the background (more ideas than the threshold).</summary>
    public async Task<bool> RunsInBackgroundAsync(Guid cycleId, CancellationToken ct = default)
        => await reports.IdeaCountAsync(cycleId, ct) > options.Value.BackgroundThreshold;

    /// <summary>An export of this file: the recent one (pending, running or ready) if any, else a new one (<c>Created</c>) to enqueue.</summary>
    public async Task<(Guid Id, bool Created)> RequestAsync(Guid cycleId, string file, string language, CancellationToken ct = default)
    {
        var since = Now - options.Value.ReuseWindow;
        var recent = await db.Set<ReportExport>().AsNoTracking()
            .Where(x => x.CycleId == cycleId && x.File == file && x.Language == language && x.RequestedAt >= since && x.Status != ReportExportStatus.Failed)
            .OrderByDescending(x => x.RequestedAt).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        if (recent is { } id) return (id, false);
        var export = new ReportExport(Guid.NewGuid(), cycleId, file, language, Now, Now + options.Value.Retention);
        db.Add(export);
        await db.SaveChangesAsync(ct);
        return (export.Id, true);
    }

    /// <summary>An export of this cycle (never another cycle's, whatever the id).</summary>
    public Task<ReportExportView?> FindAsync(Guid cycleId, Guid exportId, CancellationToken ct = default)
    {
        var now = Now;
        return db.Set<ReportExport>().AsNoTracking().Where(x => x.Id == exportId && x.CycleId == cycleId)
            .Select(x => new ReportExportView(x.Id, x.CycleId, x.File, x.Status, x.Percent, x.RequestedAt, x.ExpiresAt, x.Size, x.ExpiresAt <= now))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The file of a finished, unexpired export of this cycle; null otherwise.</summary>
    public async Task<byte[]?> ContentAsync(Guid cycleId, Guid exportId, CancellationToken ct = default)
    {
        var now = Now;
        return await db.Set<ReportExport>().AsNoTracking()
            .Where(x => x.Id == exportId && x.CycleId == cycleId && x.Status == ReportExportStatus.Ready && x.ExpiresAt > now)
            .Select(x => x.Content).FirstOrDefaultAsync(ct);
    }

    /// <summary>The job's work item, or null when it is already done (a re-run after a kill or a retry does nothing twice).</summary>
    public Task<ReportExport?> PendingAsync(Guid exportId, CancellationToken ct = default)
        => db.Set<ReportExport>().FirstOrDefaultAsync(x => x.Id == exportId && x.Status != ReportExportStatus.Ready && x.Status != ReportExportStatus.Failed, ct);

    public async Task ProgressAsync(ReportExport export, int percent, CancellationToken ct = default)
    {
        export.Progress(percent);
        await db.SaveChangesAsync(ct);
    }

    public async Task CompleteAsync(ReportExport export, byte[] content, CancellationToken ct = default)
    {
        export.Complete(content, Now, Now + options.Value.Retention);
        await db.SaveChangesAsync(ct);
    }

    public async Task FailAsync(ReportExport export, CancellationToken ct = default)
    {
        export.Fail(Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes expired files; returns how many.</summary>
    public Task<int> PurgeExpiredAsync(DateTime now, CancellationToken ct = default)
        => db.Set<ReportExport>().Where(x => x.ExpiresAt <= now).ExecuteDeleteAsync(ct);
}
