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
public abstract class CommunityPageModel : PageModel
{
    protected string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    protected string RequiredUserId => UserId ?? throw new UnauthorizedAccessException();
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

    protected async Task<IActionResult> AttemptAsync(Need need, Func<Task<IActionResult>> action, Func<Task<IActionResult>> onRuleBroken, string? field = null)
    {
        if (Deny(need) is { } denied) return denied;
        try
        {
            return await action();
        }
        catch (UnauthorizedAccessException)
        {
            return Forbid();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(field ?? string.Empty, Localize(e));
            return await onRuleBroken();
        }
    }

    /// <summary>Domain messages are English; the form shows a translated message when one is known.</summary>
    private string Localize(Exception e)
    {
        var text = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<CommunityText>>();
        var message = e is ArgumentException { ParamName: { } param } ? e.Message.Replace($" (Parameter '{param}')", "", StringComparison.Ordinal) : e.Message;
        var localized = text["Rule." + message];
        return localized.ResourceNotFound ? message : localized.Value;
    }
}

public enum Need { Nothing, SignedIn, Moderator, Administrator }
