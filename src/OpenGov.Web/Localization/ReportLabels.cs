using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Reports;

namespace OpenGov.Web;

/// <summary>The report's words in the visitor's language, shared by the HTML page and the DOCX/CSV exports.</summary>
public sealed class ReportLabels(IStringLocalizer<ReportsText> r, IStringLocalizer<FeedbackText> f)
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
    public string Score(double? score) => score?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
    /// <summary>A figure contributed by another feature ("events") when this resource knows its name, else the raw key.</summary>
    public string Figure(string key)
    {
        var s = r[char.ToUpperInvariant(key[0]) + key[1..]];
        return s.ResourceNotFound ? key : s.Value;
    }
}
