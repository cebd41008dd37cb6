using OpenGov.SharedKernel.Errors;
using OpenGov.Web.Infrastructure.Errors;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Web.Pages.Associations;

/// <summary>
/// What the community pages share: who is asking, and one way to turn domain refusals into answers
/// (a form error for bad input or a broken rule, 403 for a missing right, 404 for an unknown record).
/// </summary>
public abstract class CommunityPageModel : PageModel, IRedisplayPage
{
    protected string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    protected string RequiredUserId => UserId ?? throw DomainException.Forbidden("Forbidden");
    public bool IsModerator => User.IsInRole(Roles.Moderator) || User.IsInRole(Roles.Administrator);
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    /// <summary>Absolute link for e-mails, from the configured public base URL (never from the request's Host header).</summary>
    protected string AbsoluteUrl(string path)
        => HttpContext.RequestServices.GetRequiredService<SiteLinks>().To(path);

    /// <summary>Razor Pages ignore [Authorize] on handler methods, so handlers state what they need here and it is checked on the server.</summary>
    protected IActionResult? Deny(Need need)
    {
        if (need == Need.Nothing) return null;
        if (UserId is null) return Challenge();
        return need switch
        {
            Need.Moderator when !IsModerator => Forbid(),
            Need.Administrator when !IsAdministrator => Forbid(),
            _ => null,
        };
    }

    /// <summary>Checks the need, then runs the use case. A rule it breaks is shown by <see cref="RedisplayAsync"/>
    /// (DomainErrorFilter): onRuleBroken reloads the page, the error sits on <paramref name="field"/> or the whole form.</summary>
    protected async Task<IActionResult> AttemptAsync(Need need, Func<Task<IActionResult>> action, Func<Task<IActionResult>> onRuleBroken, string? field = null)
    {
        if (Deny(need) is { } denied) return denied;
        _onRuleBroken = (onRuleBroken, field);
        return await action();
    }

    private (Func<Task<IActionResult>> Reload, string? Field)? _onRuleBroken;

    public async Task<IActionResult> RedisplayAsync()
    {
        if (_onRuleBroken is not { } broken) return Page();
        if (broken.Field is { } field)
        {
            foreach (var e in ModelState[string.Empty]?.Errors.ToList() ?? []) ModelState.AddModelError(field, e.ErrorMessage);
            ModelState.Remove(string.Empty);
        }
        return await broken.Reload();
    }
}

public enum Need { Nothing, SignedIn, Moderator, Administrator }
