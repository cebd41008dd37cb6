namespace OpenGov.Consultation.Cycles;

/// <summary>
/// The one rule between phase days and instants. A phase is stored as [StartsAt, EndsAt) in UTC, EndsAt exclusive; people
/// read and type days, and the last day is inclusive: a phase "from 1 to 16 December" ends at 17 December 00:00 and
/// shows as "until 16 December" everywhere (header, timeline, extension notice, administration). A phase closed early at
/// 14:30 on 10 December shows "until 10 December", and a phase set to start that day starts at 14:30.
/// </summary>
public static class PhaseDays
{
    /// <summary>The first instant of a day typed as a phase's first day.</summary>
    public static DateTime Start(DateOnly firstDay) => firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The exclusive end of a phase whose last day (inclusive) is <paramref name="lastDay"/>.</summary>
    public static DateTime EndAfter(DateOnly lastDay) => Start(lastDay.AddDays(1));

    /// <summary>The last day (inclusive) of a phase ending (exclusive) at <paramref name="endsAt"/>.</summary>
    public static DateOnly LastDay(DateTime endsAt) => DateOnly.FromDateTime(endsAt.AddTicks(-1));
}
