using OpenGov.Tracking.Plans;

namespace OpenGov.UnitTests.Tracking;

/// <summary>The embedded 2018-2020 plan reproduces every figure published in its self-assessment report.</summary>
public class SeededPlanTests
{
    private static readonly int[] PublishedCommitmentRates = [100, 100, 95, 96, 100, 95, 24, 100, 100, 95, 98, 100, 25, 26, 63, 100, 99, 97];

    [Fact]
    public void Seeded_plan_has_the_report_structure()
    {
        var file = PlanSeed.Load2018To2020();
        Assert.Equal(5, file.Axes.Count);
        Assert.Equal(Enumerable.Range(1, 18), file.Axes.SelectMany(a => a.Commitments).Select(c => c.Number));
        Assert.All(file.Axes.SelectMany(a => a.Commitments), c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.LeadAgency));
            Assert.NotEmpty(c.Activities);
        });
        Assert.Contains(file.Axes.SelectMany(a => a.Commitments), c => c.CommunicationActions.Count > 0);
    }

    [Fact]
    public void Seeded_plan_reproduces_the_published_rates()
    {
        var (plan, commitments) = PlanSeed.Build(PlanSeed.Load2018To2020(), DateTime.UtcNow);
        var rates = commitments.OrderBy(c => c.Number).Select(c => Math.Round(c.Rate(), MidpointRounding.AwayFromZero)).ToArray();
        Assert.Equal(PublishedCommitmentRates.Select(r => (double)r), rates);

        double Axis(int order) => Progress.Mean(commitments.Where(c => c.AxisId == plan.Axes[order].Id).Select(c => c.Rate()));
        Assert.Equal(98, Math.Round(Axis(0)));   // access to information
        Assert.Equal(80, Math.Round(Axis(1)));   // integrity and anti-corruption
        Assert.Equal(74, Math.Round(Axis(2)));   // budget transparency
        Assert.Equal(72, Math.Round(Axis(3)));   // citizen participation
        Assert.Equal(97, Math.Round(Axis(4)));   // communication
        var overall = Progress.Mean(commitments.Select(c => c.Rate()));
        Assert.Equal(84, Math.Round(overall));
        Assert.Equal(84.06, overall, 2);
    }

    [Fact]
    public void The_cancelled_activity_of_commitment_14_is_excluded()
    {
        var (_, commitments) = PlanSeed.Build(PlanSeed.Load2018To2020(), DateTime.UtcNow);
        var c14 = commitments.Single(c => c.Number == 14);
        Assert.Single(c14.Activities, a => a.IsCancelled);
        Assert.Equal(26, c14.Rate(), 10);
    }
}
