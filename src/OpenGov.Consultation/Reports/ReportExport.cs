namespace OpenGov.Consultation.Reports;

public enum ReportExportStatus { Pending = 0, Running = 1, Ready = 2, Failed = 3 }

/// <summary>
/// A large cycle's report file computed by a background job: its progress, then the file itself, kept in the database
/// (shared by every instance) until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class ReportExport
{
    private ReportExport() { }

    internal ReportExport(Guid id, Guid cycleId, string file, string language, DateTime now, DateTime expiresAt)
    {
        Id = id;
        CycleId = cycleId;
        File = file;
        Language = language;
        RequestedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    /// <summary>"report.docx", "report.csv", "report-sheets.csv" or "report.json".</summary>
    public string File { get; private set; } = "";
    /// <summary>The requester's language, in which the file is written.</summary>
    public string Language { get; private set; } = "fr";
    public ReportExportStatus Status { get; private set; }
    /// <summary>0–100.</summary>
    public int Percent { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public long Size { get; private set; }
    public byte[]? Content { get; private set; }

    public bool IsExpired(DateTime now) => now >= ExpiresAt;

    internal void Progress(int percent)
    {
        Status = ReportExportStatus.Running;
        Percent = Math.Clamp(percent, 0, 99);
    }

    internal void Complete(byte[] content, DateTime now, DateTime expiresAt)
    {
        Status = ReportExportStatus.Ready;
        Percent = 100;
        Content = content;
        Size = content.LongLength;
        CompletedAt = now;
        ExpiresAt = expiresAt;
    }

    internal void Fail(DateTime now)
    {
        Status = ReportExportStatus.Failed;
        CompletedAt = now;
    }
}
