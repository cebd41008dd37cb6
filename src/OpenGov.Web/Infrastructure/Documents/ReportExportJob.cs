using System.Globalization;
using Hangfire;
using OpenGov.Consultation.Reports;

namespace OpenGov.Web.Infrastructure.Documents;

/// <summary>
/// Computes one large cycle's report file in the background (a Hangfire fire-and-forget job), in the requester's language,
/// saving its progress so the export page can show it. Idempotent: a finished export is not computed again.
/// </summary>
public sealed class ReportExportJob(ReportExports exports, SynthesisReports reports, ReportLabels labels, StandardsLabels standardsLabels,
    OpenGov.Consultation.Standards.CycleStandards standards, SiteDates dates, ILogger<ReportExportJob> logger)
{
    /// <summary>Queues the computation of a new export (any instance's job server picks it up).</summary>
    public static void Enqueue(IBackgroundJobClient jobs, Guid exportId)
        => jobs.Enqueue<ReportExportJob>(j => j.RunAsync(exportId, CancellationToken.None));

    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(Guid exportId, CancellationToken ct)
    {
        var export = await exports.PendingAsync(exportId, ct);
        if (export is null) return;
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = CultureInfo.GetCultureInfo(export.Language);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            await exports.ProgressAsync(export, 5, ct);
            var report = await reports.BuildAsync(export.CycleId, export.Language, ct: ct);
            if (report is null)
            {
                await exports.FailAsync(export, ct);
                return;
            }
            await exports.ProgressAsync(export, 50, ct);
            var checklist = export.File == "report.docx" ? await standards.CheckAsync(export.CycleId, ct) : null;
            var bytes = await SynthesisExports.WriteAsync(export.File, report, checklist, labels, standardsLabels, dates, export.Language);
            await exports.CompleteAsync(export, bytes, ct);
            logger.LogInformation("Report export {Export} ({File}, {Ideas} ideas) ready: {Bytes} bytes", export.Id, export.File, report.Ideas, bytes.Length);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Report export {Export} failed", exportId);
            await exports.FailAsync(export, CancellationToken.None);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
