namespace OpenGov.Tracking.Plans;

/// <summary>The level of an activity as the self-assessment report names it, derived from its progress.</summary>
public enum ProgressLevel
{
    NotStarted = 0,
    Limited = 1,
    Substantial = 2,
    Complete = 3,
}

/// <summary>
/// The progress rules stated on the public page, so anyone can recompute them:
/// a commitment's rate is the weighted average of its activities' progress (cancelled activities excluded),
/// an axis's rate is the mean of its commitments' rates, the overall rate is the mean of all commitments' rates.
/// Nothing is rounded here; rounding is for display only.
/// </summary>
public static class Progress
{
    /// <summary>Not started 0; limited 1–59; substantial 60–89; complete 90–100 (a fraction below 1 is already limited).</summary>
    public static ProgressLevel LevelOf(double percent) => percent switch
    {
        <= 0 => ProgressLevel.NotStarted,
        < 60 => ProgressLevel.Limited,
        < 90 => ProgressLevel.Substantial,
        _ => ProgressLevel.Complete,
    };

    /// <summary>Weighted average of the activities' progress, cancelled ones excluded. With no weight left
    /// (no activity, or all weights zero) the rate is 0: nothing measurable has been done.</summary>
    public static double CommitmentRate(IEnumerable<ActivityProgress> activities)
    {
        double weighted = 0, weights = 0;
        foreach (var a in activities)
        {
            if (a.Cancelled) continue;
            weighted += a.Weight * a.Percent;
            weights += a.Weight;
        }
        return weights > 0 ? weighted / weights : 0;
    }

    /// <summary>Arithmetic mean, used for an axis (its commitments) and for the plan (all commitments); 0 when empty.</summary>
    public static double Mean(IEnumerable<double> rates)
    {
        double sum = 0;
        var count = 0;
        foreach (var r in rates) { sum += r; count++; }
        return count > 0 ? sum / count : 0;
    }

    /// <summary>An activity is late once its planned end has passed and it is neither complete nor cancelled.</summary>
    public static bool IsLate(DateOnly? plannedEnd, double percent, bool cancelled, DateOnly today)
        => !cancelled && plannedEnd is { } end && end < today && LevelOf(percent) != ProgressLevel.Complete;
}

public readonly record struct ActivityProgress(double Weight, double Percent, bool Cancelled);
