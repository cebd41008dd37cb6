using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Meetings;
using OpenGov.SharedKernel.Links;
using OpenGov.Web.Data;

namespace OpenGov.Web.Identity;

public sealed record Registration(string Email, string DisplayName, string? Organisation, string Password, string Culture);

/// <summary>The outcome of a registration: either done (mail sent), or errors keyed by the form field they belong to.</summary>
public sealed record RegistrationResult(bool Succeeded, IReadOnlyList<(string Field, IdentityError Error)> Errors);

/// <summary>
/// Self-service accounts: register (Citizen role, unconfirmed until the e-mail link is opened), confirm,
/// resend the confirmation, request and perform a password reset. None of these reveals whether an address has an account.
/// </summary>
/// Mails are enqueued in the outbox and committed with the account change: a mail server outage never fails these.
public sealed class AccountRegistration(UserManager<AppUser> users, AccountMails mails, AppDbContext db, SiteLinks links, TimeProvider clock,
    OpenGov.Web.Security.EqualWork equalWork, MeetingService meetings)
{
    public const int DisplayNameMaxLength = 100;
    public const int OrganisationMaxLength = 200;

    public static bool IsValidEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= 256 && MailAddress.TryCreate(email, out var a) && a.Address == email.Trim()
        && a.Host.Contains('.');

    public async Task<RegistrationResult> RegisterAsync(Registration r, CancellationToken ct = default)
    {
        var email = r.Email.Trim();
        AppUser NewUser() => new()
        {
            UserName = email, Email = email, DisplayName = r.DisplayName.Trim(),
            Organisation = string.IsNullOrWhiteSpace(r.Organisation) ? null : r.Organisation.Trim(),
            PreferredCulture = r.Culture, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var user = NewUser();
        // Password problems first, so a registered address is not revealed by a different answer.
        var passwordErrors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, r.Password);
            passwordErrors.AddRange(check.Errors);
        }
        if (passwordErrors.Count > 0) return new(false, passwordErrors.Select(e => ("Input.Password", e)).ToList());

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            equalWork.HashDummy(r.Password); // as long as creating the account: the answer's timing reveals nothing
            mails.EnqueueAlreadyRegistered(existing, links.To("/account/login"));
            await db.SaveChangesAsync(ct);
            return new(true, []);
        }
        // The account, its role and its confirmation mail commit together (retried as a whole on a transient error).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var account = NewUser();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(account, r.Password);
            if (!created.Succeeded)
                return new RegistrationResult(false, created.Errors.Select(e => (e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", e)).ToList());
            await users.AddToRoleAsync(account, Roles.Citizen);
            await EnqueueConfirmationAsync(account, ct);
            await tx.CommitAsync(ct);
            return new RegistrationResult(true, []);
        });
    }

    /// <summary>Sends a fresh link if the address belongs to an unconfirmed account; silent otherwise.</summary>
    public async Task ResendConfirmationAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.EmailConfirmed) return;
        await EnqueueConfirmationAsync(user, ct);
    }

    public async Task<bool> ConfirmEmailAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)) return false;
        var user = await users.FindByIdAsync(userId);
        if (user is null || Decode(code) is not { } token) return false;
        if (!user.EmailConfirmed && !(await users.ConfirmEmailAsync(user, token)).Succeeded) return false;
        await LinkConfirmedAddressAsync(user);
        return true;
    }

    /// <summary>
    /// What was addressed to the bare address now belongs to the account that proved it holds it: each module links its own
    /// records by (user id, address). Idempotent, so opening the link again finishes a link that failed after the confirmation.
    /// Commitment focal points need nothing: <c>CommitmentRecipients</c> looks the address's account up at every mail.
    /// </summary>
    private async Task LinkConfirmedAddressAsync(AppUser user)
    {
        if (user.Email is { } email) await meetings.LinkOwnerAccountAsync(user.Id, email);
    }

    /// <summary>Sends a reset link if the address belongs to a confirmed account; silent otherwise.</summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.EmailConfirmed) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        mails.EnqueuePasswordReset(user, Link("/account/reset-password", user.Id, token));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Resets the password; a reset also ends a lockout, since the owner of the mailbox proved who they are.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(string? userId, string? code, string password)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(code) || Decode(code) is not { } token)
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
        }
        return result;
    }

    private async Task EnqueueConfirmationAsync(AppUser user, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        mails.EnqueueConfirmation(user, Link("/account/confirm-email", user.Id, token));
        await db.SaveChangesAsync(ct);
    }

    // From Site:PublicBaseUrl only: a link built from the request's Host header could hand the token to another site.
    private string Link(string path, string userId, string token) =>
        links.To(path, [new("userId", userId), new("code", Encode(token))]);

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string code)
    {
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
