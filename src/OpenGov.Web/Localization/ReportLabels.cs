using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Reports;

namespace OpenGov.Web;

/// <summary>The report's words in the visitor's language, shared by the HTML page and the DOCX/CSV exports.</summary>
public sealed class ReportLabels(IStringLocalizer<ReportsText> r, IStringLocalizer<FeedbackText> f, IStringLocalizer<SheetsText> sheets)
{
    public string this[string key] => r[key];
    public string Format(string key, params object[] args) => r[key, args];
    public string Region(string code) => f["Region." + code];
    public string State(ResponseState? state) => state is { } s ? f["State." + s] : r["NoResponse"];
    public string StateKey(string key) => f["State." + key];
    public string Submitter(string key) => r["SubmitterType." + key];
    public string Submitter(SubmitterType t) => Submitter(t.ToString());
    public string Selection(SelectionResult result) => r["SelectionResult." + result];
    public string Handling(string key) => r["Handling." + key];
    /// <summary>"Integrated: 2, Not integrated: 1": the non-zero counts of a sheet's comment handling.</summary>
    public string Outcomes(ReportSheet sheet)
        => string.Join(", ", sheet.CommentOutcomes.Where(o => o.Count > 0).Select(o => $"{Handling(o.Key)}: {o.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
    /// <summary>The sheet section a comment is about, by its label ("Problem to solve", "Activity: …"), never its key.</summary>
    public string Section(ReportSheetComment comment)
    {
        if (comment.Section.StartsWith(OpenGov.Consultation.Sheets.SheetSections.ActivityPrefix, StringComparison.Ordinal))
            return comment.ActivityTitle is { } title ? sheets["Section.Activity", title] : sheets["Section.RemovedActivity"];
        var s = sheets["Section." + comment.Section];
        return s.ResourceNotFound ? comment.Section : s.Value;
    }
    public string Score(double? score) => score?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
    /// <summary>A figure contributed by another feature ("events") when this resource knows its name, else the raw key.</summary>
    public string Figure(string key)
    {
        var s = r[char.ToUpperInvariant(key[0]) + key[1..]];
        return s.ResourceNotFound ? key : s.Value;
    }
}
