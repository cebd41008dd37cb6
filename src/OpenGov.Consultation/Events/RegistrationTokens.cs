using System.Security.Cryptography;
using System.Text;

namespace OpenGov.Consultation.Events;

/// <summary>Secret tokens of the registration links: 256 random bits, stored only as their SHA-256 hash.</summary>
public static class RegistrationTokens
{
    public static (string Token, string Hash) New()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));
}
