using System.Reflection;
using Microsoft.AspNetCore.Identity;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Security;

/// <summary>
/// OWASP ASVS level 2 (V2.1): at least 12 characters, at most 128, no composition rules,
/// and a list of common or breached passwords refused.
/// </summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length > MaxLength)
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters." });
        if (IsCommon(password))
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "This password is too common. Choose a less predictable one, such as a few unrelated words." });
        else if (user.Email is { Length: > 0 } email && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4)
            errors.Add(new IdentityError { Code = "PasswordContainsEmail", Description = "The password must not contain your e-mail address." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password)
    {
        var normalized = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(normalized)) return true;
        // A single repeated character or a plain run of digits is as weak as any listed password.
        return normalized.Distinct().Count() <= 2;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OpenGov.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
