using OpenGov.Web.Security;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;
using OpenGov.Web.Localization;

namespace OpenGov.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Auth)]
public sealed class RegisterModel(AccountRegistration registration, IStringLocalizer<AccountText> a) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Email { get; set; }
        [SingleLine] public string? DisplayName { get; set; }
        [SingleLine] public string? Organisation { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AccountForms.RequireEmail(ModelState, "Input.Email", Input.Email, a);
        AccountForms.CheckProfile(ModelState, Input.DisplayName, Input.Organisation, a);
        AccountForms.RequireNewPassword(ModelState, "Input.Password", "Input.ConfirmPassword", Input.Password, Input.ConfirmPassword, a);
        if (!ModelState.IsValid) return Page();

        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var result = await registration.RegisterAsync(
            new Registration(Input.Email!, Input.DisplayName!, Input.Organisation, Input.Password!, Cultures.Supported.Contains(culture) ? culture : Cultures.Default), ct);
        if (!result.Succeeded)
        {
            foreach (var (field, error) in result.Errors) ModelState.AddModelError(field, AccountForms.Describe(error, a));
            return Page();
        }
        return RedirectToPage("/Account/CheckInbox", new { email = Input.Email!.Trim() });
    }
}
