using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using OpenGov.Web.Identity;
using OpenGov.Web.Security;

namespace OpenGov.Web.Pages.Account;

/// <summary>Form checks shared by the account pages, with messages from AccountText.</summary>
internal static class AccountForms
{
    public static void RequireEmail(ModelStateDictionary state, string field, string? email, IStringLocalizer<AccountText> a)
    {
        if (string.IsNullOrWhiteSpace(email)) state.AddModelError(field, a["Error.EmailRequired"]);
        else if (!AccountRegistration.IsValidEmail(email)) state.AddModelError(field, a["Error.EmailInvalid"]);
    }

    /// <summary>Display name required (public), organisation optional; both bounded by the column sizes.</summary>
    public static void CheckProfile(ModelStateDictionary state, string? displayName, string? organisation, IStringLocalizer<AccountText> a)
    {
        if (string.IsNullOrWhiteSpace(displayName)) state.AddModelError("Input.DisplayName", a["Error.DisplayNameRequired"]);
        else if (displayName.Trim().Length > AccountRegistration.DisplayNameMaxLength)
            state.AddModelError("Input.DisplayName", a["Error.TooLong", AccountRegistration.DisplayNameMaxLength]);
        if (organisation?.Trim().Length > AccountRegistration.OrganisationMaxLength)
            state.AddModelError("Input.Organisation", a["Error.TooLong", AccountRegistration.OrganisationMaxLength]);
    }

    public static void RequireNewPassword(ModelStateDictionary state, string field, string confirmField, string? password, string? confirm, IStringLocalizer<AccountText> a)
    {
        if (string.IsNullOrEmpty(password)) state.AddModelError(field, a["Error.PasswordRequired"]);
        else if (password != confirm) state.AddModelError(confirmField, a["Error.PasswordMismatch"]);
    }

    /// <summary>Identity's messages are English; the codes are stable, so they are translated here.</summary>
    public static string Describe(IdentityError e, IStringLocalizer<AccountText> a) => e.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => a["Error.PasswordTooShort", PasswordPolicyValidator.MinLength],
        "PasswordTooLong" => a["Error.PasswordTooLong", PasswordPolicyValidator.MaxLength],
        "PasswordTooCommon" => a["Error.PasswordTooCommon"],
        "PasswordContainsEmail" => a["Error.PasswordContainsEmail"],
        nameof(IdentityErrorDescriber.PasswordMismatch) => a["Error.CurrentPasswordWrong"],
        nameof(IdentityErrorDescriber.InvalidToken) => a["Error.InvalidLink"],
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => a["Error.EmailTaken"],
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => a["Error.EmailInvalid"],
        _ => e.Description,
    };

    public static void AddErrors(ModelStateDictionary state, string field, IEnumerable<IdentityError> errors, IStringLocalizer<AccountText> a)
    {
        foreach (var e in errors) state.AddModelError(field, Describe(e, a));
    }

    /// <summary>Only local return URLs are followed (no open redirect).</summary>
    public static string SafeReturnUrl(Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
