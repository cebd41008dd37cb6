using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Standards;

namespace OpenGov.UnitTests.Standards;

/// <summary>Each requirement met, partly met and missed, with the default OGP thresholds.</summary>
public sealed class StandardsEvaluationTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly StandardsOptions Defaults = new();
    private static readonly Guid CycleId = Guid.NewGuid();

    /// <summary>A finished co-creation: collection Jan–Feb, consultation Mar, adoption to the end of the year, timeline set 30 days ahead.</summary>
    private static CoCreationFacts Good() => new(CycleId, "Cycle",
        [
            new(PhaseKind.ProposalCollection, T0, T0.AddDays(60), T0.AddDays(-30)),
            new(PhaseKind.PublicConsultation, T0.AddDays(60), T0.AddDays(90), T0.AddDays(-30)),
            new(PhaseKind.Adoption, T0.AddDays(90), T0.AddDays(300), T0.AddDays(-30)),
        ],
        [Meeting(10), Meeting(90), Meeting(170), Meeting(250)],
        new ForumFact(6, 6, 6),
        [new(Guid.NewGuid(), "Sheet", T0.AddDays(60), T0.AddDays(90), T0.AddDays(40))],
        Ideas: 10, IdeasAnswered: 10, PublishedSheets: 1,
        new PlanFact(Guid.NewGuid(), "Plan", T0.AddDays(300), T0.AddDays(1000),
            [new(Guid.NewGuid(), 1, "C1", [T0.AddDays(400), T0.AddDays(550)])]));

    private static MeetingFact Meeting(int day) => new(Guid.NewGuid(), "Comité", DateOnly.FromDateTime(T0.AddDays(day)));

    private static StandardCheck Check(CoCreationFacts f, string key, DateTime? now = null)
        => StandardsEvaluation.Evaluate(f, Defaults, now ?? T0.AddDays(600)).Single(c => c.Key == key);

    [Fact]
    public void A_cycle_with_every_record_meets_every_requirement()
    {
        var checks = StandardsEvaluation.Evaluate(Good(), Defaults, T0.AddDays(600));
        Assert.Equal(7, checks.Count);
        Assert.All(checks, c => Assert.Equal(StandardStatus.Met, c.Status));
    }

    [Fact]
    public void Forum_needs_enough_meetings_without_a_long_gap()
    {
        var f = Good();
        Assert.Equal(StandardStatus.Partly, Check(f with { ForumMeetings = [Meeting(10), Meeting(250)] }, StandardsEvaluation.Forum).Status);
        // Four meetings, but none for 5 months: the rhythm is missed.
        var gap = Check(f with { ForumMeetings = [Meeting(10), Meeting(20), Meeting(30), Meeting(190)] }, StandardsEvaluation.Forum);
        Assert.Equal(StandardStatus.Partly, gap.Status);
        Assert.Equal(160, gap.Measures.Single(m => m.Name == "largestGapDays").Value);
        Assert.Equal(StandardStatus.NotMet, Check(f with { ForumMeetings = [] }, StandardsEvaluation.Forum).Status);
        // Meetings outside the co-creation do not count.
        Assert.Equal(StandardStatus.NotMet, Check(f with { ForumMeetings = [Meeting(-50), Meeting(400)] }, StandardsEvaluation.Forum).Status);
    }

    [Fact]
    public void Forum_expects_meetings_pro_rata_while_the_co_creation_runs()
    {
        var early = Check(Good() with { ForumMeetings = [Meeting(10)] }, StandardsEvaluation.Forum, T0.AddDays(40));
        Assert.Equal(StandardStatus.Met, early.Status);
        Assert.Equal(1, early.Measures.Single(m => m.Name == "required").Value);
    }

    [Fact]
    public void Parity_needs_as_many_civil_society_seats_all_filled()
    {
        Assert.Equal(StandardStatus.Partly, Check(Good() with { Forum = new(6, 4, 4) }, StandardsEvaluation.Parity).Status);
        Assert.Equal(StandardStatus.Partly, Check(Good() with { Forum = new(6, 6, 5) }, StandardsEvaluation.Parity).Status);
        Assert.Equal(StandardStatus.NotMet, Check(Good() with { Forum = new(6, 0, 0) }, StandardsEvaluation.Parity).Status);
        Assert.Equal(StandardStatus.NotMet, Check(Good() with { Forum = null }, StandardsEvaluation.Parity).Status);
    }

    [Fact]
    public void Timeline_is_published_two_weeks_ahead()
    {
        CoCreationFacts Published(int daysAhead) => Good() with
        {
            Phases = [new(PhaseKind.ProposalCollection, T0, T0.AddDays(60), T0.AddDays(-daysAhead))],
        };
        Assert.Equal(StandardStatus.Met, Check(Published(14), StandardsEvaluation.Timeline).Status);
        Assert.Equal(StandardStatus.Partly, Check(Published(13), StandardsEvaluation.Timeline).Status);
        Assert.Equal(StandardStatus.NotMet, Check(Published(0), StandardsEvaluation.Timeline).Status);
        Assert.Equal(StandardStatus.NotMet, Check(Good() with { Phases = [] }, StandardsEvaluation.Timeline).Status);
    }

    [Fact]
    public void Consultation_windows_are_long_enough_and_announced_ahead()
    {
        var sheet = Guid.NewGuid();
        var shortWindow = Good() with { SheetWindows = [new(sheet, "S", T0.AddDays(60), T0.AddDays(70), T0.AddDays(30))] };
        var check = Check(shortWindow, StandardsEvaluation.Windows);
        Assert.Equal(StandardStatus.Partly, check.Status);
        Assert.Equal([3, 2], check.Measures.Take(2).Select(m => m.Value));
        Assert.Contains(check.Evidence, e => e.Url == $"/sheets/{sheet}");
        // Nothing adequate: a 10-day collection announced the day it opened, no sheet.
        var none = Good() with
        {
            Phases = [new(PhaseKind.ProposalCollection, T0, T0.AddDays(10), T0)],
            SheetWindows = [],
        };
        Assert.Equal(StandardStatus.NotMet, Check(none, StandardsEvaluation.Windows).Status);
    }

    [Fact]
    public void Every_contribution_needs_a_reasoned_response()
    {
        Assert.Equal(StandardStatus.Partly, Check(Good() with { IdeasAnswered = 5 }, StandardsEvaluation.Responses).Status);
        Assert.Equal(StandardStatus.NotMet, Check(Good() with { IdeasAnswered = 4 }, StandardsEvaluation.Responses).Status);
        Assert.Equal(StandardStatus.NotMet, Check(Good() with { Ideas = 0, IdeasAnswered = 0 }, StandardsEvaluation.Responses).Status);
    }

    [Fact]
    public void The_repository_needs_the_published_plan()
    {
        Assert.Equal(StandardStatus.Partly, Check(Good() with { Plan = null }, StandardsEvaluation.Repository).Status);
        Assert.Equal(StandardStatus.NotMet, Check(Good() with { Plan = null, PublishedSheets = 0 }, StandardsEvaluation.Repository).Status);
    }

    [Fact]
    public void Commitment_owners_report_at_least_every_six_months()
    {
        var plan = Good().Plan!;
        var late = new CommitmentFact(Guid.NewGuid(), 2, "C2", [T0.AddDays(350)]);
        var check = Check(Good() with { Plan = plan with { Commitments = [.. plan.Commitments, late] } }, StandardsEvaluation.Updates);
        Assert.Equal(StandardStatus.Partly, check.Status);
        Assert.Contains(check.Evidence, e => e.Kind == "lateCommitment" && e.Url == $"/plan/commitments/{late.Id}");
        var silent = plan with { Commitments = [new CommitmentFact(Guid.NewGuid(), 1, "C1", [])] };
        Assert.Equal(StandardStatus.NotMet, Check(Good() with { Plan = silent }, StandardsEvaluation.Updates).Status);
        Assert.Equal(StandardStatus.NotMet, Check(Good() with { Plan = null }, StandardsEvaluation.Updates).Status);
    }
}
