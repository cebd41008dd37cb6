using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Standards;
using OpenGov.SharedKernel.Numbers;

namespace OpenGov.Web;

/// <summary>The words of the OGP standards checklist, one home for the page section and the synthesis DOCX:
/// each requirement, its status, the sentence with its measures, and the evidence's labels.</summary>
public sealed class StandardsLabels(IStringLocalizer<StandardsText> s, IStringLocalizer<ProposalsText> proposals)
{
    public string this[string key] => s[key];
    public string Format(string key, params object[] args) => s[key, args];
    public string Requirement(StandardCheck c) => s["Req." + c.Key];
    public string Status(StandardStatus status) => s["Status." + status];

    /// <summary>The measures fill the detail sentence in order; shares are shown by the one rate rule (Percentage).</summary>
    public string Detail(StandardCheck c)
    {
        var key = c.Key == StandardsEvaluation.Repository && c.Measures[0].Value == 0 ? "Detail.RepositoryNoPlan" : "Detail." + c.Key;
        return s[key, c.Measures.Select(Arg).ToArray()];
    }

    public string Evidence(StandardEvidence e) => e.Kind switch
    {
        "phase" => proposals["Phase." + e.Label],
        "lateCommitment" => $"{e.Label} ({s["Evidence.lateCommitment"]})",
        _ => string.IsNullOrEmpty(e.Label) ? s["Evidence." + e.Kind] : e.Label,
    };

    /// <summary>A check's evidence once each (the same link may back several facts).</summary>
    public static IEnumerable<StandardEvidence> DistinctEvidence(StandardCheck c) => c.Evidence.DistinctBy(e => (e.Url, e.Kind, e.Label));

    private static object Arg(StandardMeasure m) => m.Name.EndsWith("ercent", StringComparison.Ordinal) ? new Percentage(m.Value).Display
        : m.Value.ToString("0.##", CultureInfo.CurrentCulture);
}
