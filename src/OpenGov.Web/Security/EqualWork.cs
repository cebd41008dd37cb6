using Microsoft.AspNetCore.Identity;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Security;

/// <summary>
/// The password hashing an answer would have cost had the account existed (or not), so that login, registration and reset
/// take the same time either way (no account enumeration by timing). Same algorithm and settings as Identity's hasher.
/// </summary>
public sealed class EqualWork(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options)
{
    // Identity's hasher with Identity's options (iterations), built here because Identity registers its own per scope.
    private readonly PasswordHasher<AppUser> hasher = new(options);
    private static readonly AppUser Nobody = new() { UserName = "nobody", DisplayName = "" };
    private string? _dummyHash;

    /// <summary>As long as checking a password against a stored hash (a failed login for an unknown address).</summary>
    public void VerifyDummy(string password) => hasher.VerifyHashedPassword(Nobody, _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString()), password);

    /// <summary>As long as hashing a new password (a registration for an address already taken).</summary>
    public void HashDummy(string password) => hasher.HashPassword(Nobody, password);
}
