namespace OpenGov.SharedKernel.Moderation;

/// <summary>
/// The report rule of every reportable kind (proposal, proposal comment, forum thread, forum reply), once:
/// a user reports a target once (the report table's unique index settles parallel duplicates, which count nothing);
/// each report adds one; the content is hidden pending review when the count reaches <c>Consultation:ReportsBeforeHiding</c>
/// (at least 1); a moderator's unhide resets the count, so the content needs as many new reports to be hidden again.
/// </summary>
public readonly record struct ReportCounter(int Count, bool Hidden)
{
    /// <summary>The configured threshold, never below one report.</summary>
    public static int Threshold(int configured) => Math.Max(1, configured);

    /// <summary>After a moderator's unhide: visible, no report pending.</summary>
    public static ReportCounter Unhidden => new(0, false);

    /// <summary>One more distinct report; <paramref name="hidNow"/> is true only for the report that crosses the threshold.</summary>
    public ReportCounter Add(int threshold, out bool hidNow)
    {
        var count = Count + 1;
        hidNow = !Hidden && count >= Threshold(threshold);
        return new ReportCounter(count, Hidden || hidNow);
    }
}
