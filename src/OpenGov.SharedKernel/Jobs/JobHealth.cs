namespace OpenGov.SharedKernel.Jobs;

/// <summary>The latest run of one recurring job: when, for which period, and how it ended (running, done or failed).</summary>
public sealed record JobHealth(string Job, string Period, DateTime StartedAt, DateTime? CompletedAt, string? Error, int Attempts)
{
    public bool Failed => Error is not null;
    public bool Running => CompletedAt is null && Error is null;
}
