namespace OpenGov.Consultation.Reports;

/// <summary>Configuration section "Reports".</summary>
public sealed class ReportExportOptions
{
    /// <summary>A cycle with more public ideas than this gets its report files from a background job, not in the request.</summary>
    public int BackgroundThreshold { get; set; } = 2000;
    /// <summary>How long a computed file stays downloadable.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>A request for the same file within this delay reuses the running or finished export instead of computing another.</summary>
    public TimeSpan ReuseWindow { get; set; } = TimeSpan.FromMinutes(10);
}
