using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Numbers;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Infrastructure.Documents;

namespace OpenGov.Web.Infrastructure.Tracking;

/// <summary>
/// Writes the self-assessment report as a Word document (<see cref="WordReport"/>) in the structure of the 2018-2020 report:
/// context, the plan by axis, the tracking system, rates (overall, by axis, by commitment, with charts), then per commitment
/// its description, activities (table and chart of their progress, actions done with additional ones marked), progress,
/// results and next steps. Text goes in as plain runs (never markup).
/// </summary>
public sealed class PlanReportDocx(SiteDates dates)
{
    public byte[] Write(PlanReport report, IStringLocalizer<PlanText> t, string culture)
        => WordReport.Build(culture == "ar", culture, w =>
        {
            var p = report.Progress;
            var file = report.Plan;
            static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

            w.Title(t["Report.Title"]);
            w.Subtitle($"{file.Title} ({N(file.StartYear)}–{N(file.EndYear)})");
            w.TableOfContents(t["Report.Contents"]);

            w.Heading(1, t["Report.Context"]);
            w.Lines(file.Context);

            w.Heading(1, t["Report.PlanByAxis"]);
            foreach (var axis in p.Axes)
            {
                w.Heading(2, axis.Name(culture));
                w.Table([t["Number"], t["Commitment"], t["LeadAgency"]],
                    p.Commitments.Where(c => c.AxisId == axis.Id).Select(c => new[] { N(c.Number), c.Title, c.LeadAgency }));
            }

            w.Heading(1, t["Report.TrackingSystem"]);
            w.Lines(file.TrackingSystem);
            w.Text(t["Rules.Text"]);

            w.Heading(1, t["Report.Rates"]);
            w.Strong($"{t["Overall"]} : {Pct(p.Overall)}");
            w.Heading(2, t["Report.RatesByAxis"]);
            w.Table([t["Axis"], t["Rate"]], p.Axes.Select(a => new[] { a.Name(culture), Pct(a.Rate) }));
            w.BarChart(t["Report.RatesByAxis"], t["Rate"], p.Axes.Select(a => (a.Name(culture), Math.Round(a.Rate, 1))).ToList());
            w.Heading(2, t["Report.RatesByCommitment"]);
            w.Table([t["Number"], t["Commitment"], t["Rate"]], p.Commitments.Select(c => new[] { N(c.Number), c.Title, Pct(c.Rate) }));
            w.BarChart(t["Report.RatesByCommitment"], t["Rate"], p.Commitments.Select(c => ($"{t["Commitment"]} {N(c.Number)}", Math.Round(c.Rate, 1))).ToList());

            w.Heading(1, t["Report.Achievements"]);
            foreach (var axis in file.Axes)
                foreach (var c in axis.Commitments)
                {
                    w.Heading(2, $"{t["Commitment"]} {N(c.Number)} : {c.Title}");
                    Section(w, t["LeadAgency"], c.LeadAgency);
                    w.Heading(3, t["Description"]);
                    if (!string.IsNullOrWhiteSpace(c.Problem)) w.Strong(t["Problem"]);
                    w.Lines(c.Problem);
                    if (string.IsNullOrWhiteSpace(c.Description) && string.IsNullOrWhiteSpace(c.Problem)) w.Text("—");
                    w.Lines(c.Description);

                    w.Heading(3, t["Activities"]);
                    if (c.Activities.Count > 0)
                    {
                        w.Table([t["Number"], t["Activity"], t["Level"], t["Progress"], t["Weight"]],
                            c.Activities.Select((a, i) => new[] { N(i + 1), a.Title, a.Cancelled ? t["Cancelled"].Value : t["Level." + Progress.LevelOf(a.Progress)].Value,
                                a.Cancelled ? "—" : Pct(a.Progress), a.Weight.ToString("0.##", CultureInfo.InvariantCulture) }));
                        w.BarChart($"{t["Progress"]} — {t["Commitment"]} {N(c.Number)}", t["Progress"],
                            c.Activities.Select((a, i) => ($"{N(i + 1)}. {Short(a.Title)}", a.Cancelled ? 0 : Math.Round(a.Progress, 1))).ToList());
                    }
                    else w.Text("—");
                    var n = 0;
                    foreach (var a in c.Activities)
                    {
                        n++;
                        if (a.Actions.Count == 0 && (a.AdditionalActions?.Count ?? 0) == 0 && a.NotDone.Count == 0
                            && string.IsNullOrWhiteSpace(a.Difficulties) && !a.Cancelled) continue;
                        w.Strong($"{t["Activity"]} {N(n)} : {a.Title}");
                        if (a.Cancelled) w.Text($"{t["Cancelled"]} — {a.CancellationReason}");
                        foreach (var x in a.Actions) w.Bullet(x);
                        // Additional actions (not in the adopted plan) are marked as such, as in the 2018-2020 report.
                        foreach (var x in a.AdditionalActions ?? []) w.Bullet($"{x} ({t["Additional"]})");
                        if (a.NotDone.Count > 0)
                        {
                            w.Text(t["ActionsNotDone"]);
                            foreach (var x in a.NotDone) w.Bullet(x);
                        }
                        if (!string.IsNullOrWhiteSpace(a.Difficulties)) Section(w, t["Difficulties"], a.Difficulties);
                    }
                    if (c.CommunicationActions.Count > 0)
                    {
                        w.Strong(t["CommunicationActions"]);
                        w.Table([t["Comm.Action"], t["Comm.Date"], t["Comm.Audience"], t["Comm.Indicators"]],
                            c.CommunicationActions.Select(x => new[] { x.Action, x.Date is null ? "" : dates.Date(x.Date), x.Audience ?? "", x.Indicators ?? "" }));
                    }

                    w.Heading(3, t["Progress"]);
                    w.Text($"{t["Rate"]} : {Pct(c.PublishedRate ?? 0)}");
                    w.Heading(3, t["Results"]);
                    w.Lines(string.IsNullOrWhiteSpace(c.Results) ? "—" : c.Results);
                    Section(w, t["HowAddressed"], c.HowAddressed);
                    w.Heading(3, t["NextSteps"]);
                    w.Lines(string.IsNullOrWhiteSpace(c.NextSteps) ? "—" : c.NextSteps);
                }
        });

    public static string Pct(double rate) => new Percentage(rate).Display;

    private static string Short(string text) => text.Length <= 40 ? text : text[..39] + "…";

    private static void Section(WordReport w, string heading, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        w.Strong(heading);
        w.Lines(text);
    }
}
