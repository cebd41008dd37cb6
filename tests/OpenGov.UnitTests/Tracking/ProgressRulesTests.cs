using OpenGov.SharedKernel.Errors;
using OpenGov.Tracking.Plans;

namespace OpenGov.UnitTests.Tracking;

public class ProgressRulesTests
{
    [Theory]
    [InlineData(0, ProgressLevel.NotStarted)]
    [InlineData(0.5, ProgressLevel.Limited)]
    [InlineData(1, ProgressLevel.Limited)]
    [InlineData(59, ProgressLevel.Limited)]
    [InlineData(59.9, ProgressLevel.Limited)]
    [InlineData(60, ProgressLevel.Substantial)]
    [InlineData(89, ProgressLevel.Substantial)]
    [InlineData(90, ProgressLevel.Complete)]
    [InlineData(100, ProgressLevel.Complete)]
    public void Level_follows_the_report_boundaries(double percent, ProgressLevel expected)
        => Assert.Equal(expected, Progress.LevelOf(percent));

    [Fact]
    public void Commitment_rate_is_the_average_weighted_by_activity_weight()
    {
        var rate = Progress.CommitmentRate([new(3, 100, false), new(1, 20, false)]);
        Assert.Equal(80, rate, 10);
    }

    [Fact]
    public void Cancelled_activities_are_excluded_from_the_rate()
    {
        var rate = Progress.CommitmentRate([new(1, 50, false), new(5, 0, true), new(1, 100, false)]);
        Assert.Equal(75, rate, 10);
    }

    [Fact]
    public void A_commitment_without_measurable_activity_is_at_zero()
    {
        Assert.Equal(0, Progress.CommitmentRate([]));
        Assert.Equal(0, Progress.CommitmentRate([new(0, 100, false)]));
        Assert.Equal(0, Progress.CommitmentRate([new(1, 100, true)]));
    }

    [Fact]
    public void Axis_and_overall_rates_are_plain_means_of_commitment_rates()
    {
        Assert.Equal(79.75, Progress.Mean([24, 100, 100, 95]), 10);
        Assert.Equal(0, Progress.Mean([]));
    }

    [Fact]
    public void A_late_activity_has_its_end_passed_and_is_not_complete_nor_cancelled()
    {
        var today = new DateOnly(2020, 12, 31);
        Assert.True(Progress.IsLate(new DateOnly(2020, 8, 31), 89.9, false, today));
        Assert.False(Progress.IsLate(new DateOnly(2020, 8, 31), 90, false, today));
        Assert.False(Progress.IsLate(new DateOnly(2020, 8, 31), 10, true, today));
        Assert.False(Progress.IsLate(today, 10, false, today));
        Assert.False(Progress.IsLate(null, 10, false, today));
    }

    [Fact]
    public void Activity_guards_its_invariants()
    {
        var c = new Commitment(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, "Titre", "Agence", DateTime.UtcNow);
        var a = c.AddActivity("Activité", 1, new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 1));
        Assert.Throws<DomainException>(() => a.ReportProgress(101));
        Assert.Throws<DomainException>(() => a.ReportProgress(-1));
        Assert.Throws<DomainException>(() => a.SetWeight(-1));
        Assert.Throws<DomainException>(() => a.Schedule(new DateOnly(2020, 6, 1), new DateOnly(2020, 1, 1)));
        Assert.Throws<DomainException>(() => a.Cancel(" "));
        a.Cancel("Reprise par un autre programme");
        Assert.Throws<DomainException>(() => a.ReportProgress(50));
    }

    [Fact]
    public void Published_plan_locks_weights_until_an_administrator_reopens_them()
    {
        var plan = new Plan(Guid.NewGuid(), "Plan", 2024, 2027, DateTime.UtcNow);
        Assert.Throws<DomainException>(() => plan.Publish(DateTime.UtcNow));
        plan.AddAxis("Accès à l'information", null, null);
        Assert.False(plan.WeightsLocked);
        plan.Publish(DateTime.UtcNow);
        Assert.True(plan.WeightsLocked);
        plan.ReopenWeights();
        Assert.False(plan.WeightsLocked);
    }
}
