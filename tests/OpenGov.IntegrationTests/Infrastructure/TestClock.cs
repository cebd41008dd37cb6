namespace OpenGov.IntegrationTests.Infrastructure;

/// <summary>A settable clock shared by the app under test, so phase windows and deadlines can be crossed on demand.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private readonly object _gate = new();

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    public void Set(DateTimeOffset now) { lock (_gate) _now = now; }

    public void Advance(TimeSpan by) { lock (_gate) _now += by; }

    public DateTime UtcNow => GetUtcNow().UtcDateTime;
}
