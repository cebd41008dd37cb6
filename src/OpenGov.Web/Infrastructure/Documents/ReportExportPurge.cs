using OpenGov.Consultation.Reports;
using OpenGov.SharedKernel.Jobs;

namespace OpenGov.Web.Infrastructure.Documents;

/// <summary>Deletes the report files past their retention, once a day.</summary>
public sealed class ReportExportPurge(ReportExports exports) : IRecurringJob
{
    public string Name => "report-exports-purge";
    public string PeriodOf(DateTime utcNow) => Periods.Day(utcNow);
    public Task RunAsync(DateTime utcNow, CancellationToken ct) => exports.PurgeExpiredAsync(utcNow, ct);
}
