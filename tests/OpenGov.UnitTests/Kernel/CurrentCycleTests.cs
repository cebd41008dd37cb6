using OpenGov.Consultation.Cycles;

namespace OpenGov.UnitTests.Kernel;

public class CurrentCycleTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Open = Guid.NewGuid(), Upcoming = Guid.NewGuid(), Later = Guid.NewGuid(), Ended = Guid.NewGuid(),
        EndedLong = Guid.NewGuid(), Undated = Guid.NewGuid();

    private static CycleTiming T(Guid id, int year, bool open = false, DateTime? next = null, DateTime? lastEnd = null, int axes = 1)
        => new(id, year, Now.AddYears(-1), open, next, lastEnd, axes);

    [Fact]
    public void An_open_cycle_wins_over_a_later_plan_period_then_the_next_upcoming_then_the_latest_ended()
    {
        List<CycleTiming> all =
        [
            T(Undated, 2040), T(EndedLong, 2020, lastEnd: Now.AddYears(-3)), T(Ended, 2022, lastEnd: Now.AddDays(-10)),
            T(Later, 2035, next: Now.AddDays(90)), T(Upcoming, 2030, next: Now.AddDays(5)), T(Open, 2024, open: true, next: Now.AddDays(40)),
        ];
        Assert.Equal([Open, Upcoming, Later, Ended, EndedLong, Undated], CurrentCycle.Rank(all, Now).Select(c => c.Id));
        Assert.Equal([Upcoming, Later, Ended], CurrentCycle.Rank(all.Where(c => c.Id != Open), Now).Select(c => c.Id).Take(3));
    }

    [Fact]
    public void Without_dated_phases_the_latest_plan_period_is_current()
        => Assert.Equal(Undated, CurrentCycle.Rank([T(Ended, 2020), T(Undated, 2030)], Now).First().Id);
}
