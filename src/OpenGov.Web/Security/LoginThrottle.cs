using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace OpenGov.Web.Security;

/// <summary>
/// Brute-force control for sign-in without lockout (ASVS 6.3.1, see README): after a few failures for an address, each
/// further attempt for it waits a little longer (doubling, capped) before the password is even checked. The right password
/// still signs in after the wait, so nobody can lock anybody out. Kept per address whether or not an account exists, so the
/// delay reveals nothing; per instance (memory), alongside the per-IP and per-user rate limits.
/// </summary>
public sealed class LoginThrottle(IMemoryCache cache, IConfiguration config)
{
    private int FreeFailures => config.GetValue("Identity:ThrottleFreeFailures", 5);
    private TimeSpan BaseDelay => config.GetValue("Identity:ThrottleBaseDelay", TimeSpan.FromMilliseconds(500));
    private TimeSpan MaxDelay => config.GetValue("Identity:ThrottleMaxDelay", TimeSpan.FromSeconds(8));
    // Failures are forgotten after a quiet hour.
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>The wait before an attempt for <paramref name="email"/> is checked.</summary>
    public TimeSpan DelayFor(string email)
    {
        var failures = cache.Get<int>(Key(email));
        var over = failures - FreeFailures;
        if (over < 0) return TimeSpan.Zero;
        var delay = BaseDelay * Math.Pow(2, Math.Min(over, 16));
        return delay < MaxDelay ? delay : MaxDelay;
    }

    public Task WaitAsync(string email, CancellationToken ct) => DelayFor(email) is { Ticks: > 0 } d ? Task.Delay(d, ct) : Task.CompletedTask;

    public void Failed(string email) => cache.Set(Key(email), cache.Get<int>(Key(email)) + 1, Memory);

    public void Succeeded(string email) => cache.Remove(Key(email));

    private static string Key(string email)
        => "login-throttle:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
}
