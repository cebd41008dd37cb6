namespace OpenGov.Consultation.Standards;

/// <summary>
/// Thresholds of the OGP Participation and Co-Creation Standards checklist (section "Standards" of the configuration).
/// Defaults follow the OGP standards and their guidance; the README lists them.
/// </summary>
public sealed class StandardsOptions
{
    /// <summary>The multi-stakeholder forum meets at least this often (about every 3 months).</summary>
    public int ForumMaxGapDays { get; set; } = 92;

    /// <summary>Meetings with published minutes expected over a whole co-creation (pro rata while it runs).</summary>
    public int ForumMinMeetings { get; set; } = 4;

    /// <summary>The timeline is public at least this long before the co-creation starts.</summary>
    public int TimelineNoticeDays { get; set; } = 14;

    /// <summary>A consultation window stays open at least this long...</summary>
    public int ConsultationMinDays { get; set; } = 14;

    /// <summary>...and is announced at least this long before it opens.</summary>
    public int ConsultationNoticeDays { get; set; } = 14;

    /// <summary>Reasoned responses: every contribution answered is "met"; at least this share (0–100) is "partly".</summary>
    public double ResponsesPartlyPercent { get; set; } = 50;

    /// <summary>Each commitment's owners report at least this often (about every 6 months).</summary>
    public int ProgressUpdateMaxDays { get; set; } = 183;
}
