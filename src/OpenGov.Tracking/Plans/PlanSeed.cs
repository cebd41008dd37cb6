using System.Text.Json;

namespace OpenGov.Tracking.Plans;

/// <summary>The plan file format: the 2018-2020 plan embedded as Seed/plan-2018-2020.json, and the JSON export.</summary>
public sealed record PlanFile(Guid Id, string Title, int StartYear, int EndYear, string Context, string TrackingSystem, List<AxisFile> Axes,
    string? TitleAr = null, string? TitleEn = null);
public sealed record AxisFile(string Code, string NameFr, string NameAr, string NameEn, List<CommitmentFile> Commitments);
public sealed record CommitmentFile(int Number, string Title, string LeadAgency, string Problem, string Description,
    string Results, string HowAddressed, string NextSteps, double? PublishedRate, string? ProgressNote,
    List<ActivityFile> Activities, List<CommunicationFile> CommunicationActions, string? TitleAr = null, string? TitleEn = null);
public sealed record ActivityFile(string Title, double Weight, double Progress, bool Cancelled, string? CancellationReason,
    DateOnly? PlannedStart, DateOnly? PlannedEnd, List<string> Actions, List<string> NotDone, string? Difficulties,
    List<string>? AdditionalActions = null);
public sealed record CommunicationFile(string Action, DateOnly? Date, string? Audience, string? Indicators);

public static class PlanSeed
{
    public static readonly Guid Plan2018Id = Guid.Parse("3f1c2a9e-0d5b-4a7e-9b1f-2018a2020f01");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The 2018-2020 plan as published in its self-assessment report (December 2020).</summary>
    public static PlanFile Load2018To2020()
    {
        using var stream = typeof(PlanSeed).Assembly.GetManifestResourceStream("OpenGov.Tracking.Seed.plan-2018-2020.json")
            ?? throw new InvalidOperationException("The embedded 2018-2020 plan is missing.");
        return JsonSerializer.Deserialize<PlanFile>(stream, Json) ?? throw new InvalidOperationException("The embedded plan is empty.");
    }

    /// <summary>Builds the entities of a plan file: the plan (with its axes) and its commitments, ready to add to a context.</summary>
    public static (Plan Plan, List<Commitment> Commitments) Build(PlanFile file, DateTime now)
    {
        var plan = new Plan(file.Id, file.Title, file.StartYear, file.EndYear, now);
        plan.DescribeReport(file.Context, file.TrackingSystem);
        plan.Translate(new(file.Title, file.TitleAr, file.TitleEn), plan.ContextText, plan.TrackingSystemText);
        var commitments = new List<Commitment>();
        foreach (var a in file.Axes)
        {
            var axis = plan.AddAxis(a.NameFr, a.NameAr, a.NameEn);
            foreach (var c in a.Commitments)
            {
                var commitment = new Commitment(Guid.NewGuid(), plan.Id, axis.Id, c.Number, c.Title, c.LeadAgency, now);
                commitment.Edit(c.Number, c.Title, c.LeadAgency, c.Problem, c.Description);
                commitment.Translate(new(c.Title, c.TitleAr, c.TitleEn), commitment.ProblemText, commitment.DescriptionText);
                commitment.SetSelfAssessment(c.Results, c.HowAddressed, c.NextSteps);
                foreach (var x in c.Activities)
                {
                    var activity = commitment.AddActivity(x.Title, x.Weight, x.PlannedStart, x.PlannedEnd);
                    if (x.Cancelled) activity.Cancel(x.CancellationReason ?? "—");
                    else activity.ReportProgress(x.Progress);
                    activity.ReportIssues(string.Join('\n', x.NotDone), x.Difficulties ?? "");
                    foreach (var action in x.Actions) activity.AddAction(action, null, null, additional: false);
                    foreach (var action in x.AdditionalActions ?? []) activity.AddAction(action, null, null, additional: true);
                }
                foreach (var m in c.CommunicationActions) commitment.AddCommunicationAction(m.Action, m.Date, m.Audience ?? "", m.Indicators ?? "");
                commitments.Add(commitment);
            }
        }
        return (plan, commitments);
    }
}
