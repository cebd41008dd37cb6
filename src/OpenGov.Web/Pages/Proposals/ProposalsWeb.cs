using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Proposals;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Proposals;

/// <summary>What the proposal, cycle and moderation pages share: who acts, and their roles.</summary>
public static class ProposalsWeb
{
    /// <summary>The signed-in, unblocked user as an actor; null otherwise (the handler then challenges).</summary>
    public static async Task<Actor?> CurrentActorAsync(this PageModel page, UserManager<AppUser> users)
    {
        if (page.User.Identity?.IsAuthenticated != true) return null;
        var user = await users.GetUserAsync(page.User);
        if (user is null || user.IsBlocked) return null;
        return new Actor(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Id[..8] : user.DisplayName);
    }

    public static async Task<bool> IsModeratorAsync(this PageModel page, IAuthorizationService authorization)
        => page.User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(page.User, Policies.Moderator)).Succeeded;

    public static async Task<bool> IsAdministrationEditorAsync(this PageModel page, IAuthorizationService authorization)
        => page.User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(page.User, Policies.AdministrationEditor)).Succeeded;

    /// <summary>"fr", "ar" or "en".</summary>
    public static string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
