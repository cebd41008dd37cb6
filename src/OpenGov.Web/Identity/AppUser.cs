using Microsoft.AspNetCore.Identity;

namespace OpenGov.Web.Identity;

public sealed class AppUser : IdentityUser
{
    /// <summary>The only name shown publicly (never the e-mail).</summary>
    public string DisplayName { get; set; } = "";
    public string? Organisation { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>UI culture for e-mails ("fr", "ar", "en").</summary>
    public string PreferredCulture { get; set; } = "fr";
    /// <summary>Blocked by a moderator: cannot sign in; existing sessions end at the next security-stamp check.</summary>
    public bool IsBlocked { get; set; }
}
