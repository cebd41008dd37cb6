using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OpenGov.Web.Identity;

/// <summary>
/// Identity's sign-in rules plus the platform's block: a blocked account cannot sign in by any path, and its open
/// sessions fail the next security-stamp check (≤ 1 minute) even if whoever blocked it did not rotate the stamp.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsBlocked && await base.CanSignInAsync(user);

    // No lockout: it let anyone lock anyone out and told who has an account. LoginThrottle slows guessing instead (README, ASVS 6.3.1).
    protected override Task<bool> IsLockedOut(AppUser user) => Task.FromResult(false);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsBlocked: true } ? null : user;
    }
}
