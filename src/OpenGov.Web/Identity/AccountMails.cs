using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenGov.Web.Infrastructure.Mail;
using OpenGov.Web.Localization;

namespace OpenGov.Web.Identity;

/// <summary>
/// Transactional account e-mails (confirmation, password reset). Sent directly rather than through the outbox:
/// the visitor is waiting for them, and they carry single-use links that must not sit in a table.
/// Written in the recipient's preferred language.
/// </summary>
public sealed class AccountMails(IMailSender mail, IStringLocalizer<AccountText> text)
{
    public Task SendConfirmationAsync(AppUser user, string link, CancellationToken ct = default)
        => SendAsync(user, "Mail.Confirm.Subject", "Mail.Confirm.Text", link, ct);

    public Task SendAlreadyRegisteredAsync(AppUser user, string loginLink, CancellationToken ct = default)
        => SendAsync(user, "Mail.Existing.Subject", "Mail.Existing.Text", loginLink, ct);

    public Task SendPasswordResetAsync(AppUser user, string link, CancellationToken ct = default)
        => SendAsync(user, "Mail.Reset.Subject", "Mail.Reset.Text", link, ct);

    private async Task SendAsync(AppUser user, string subjectKey, string textKey, string link, CancellationToken ct)
    {
        var previous = CultureInfo.CurrentUICulture;
        var culture = Cultures.Supported.Contains(user.PreferredCulture) ? user.PreferredCulture : Cultures.Default;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var subject = text[subjectKey].Value;
            var body = $"{text["Mail.Hello", user.DisplayName]}\n\n{text[textKey]}\n\n{link}\n\n{text["Mail.Ignore"]}\n\n{text["Mail.Signature"]}\n";
            await mail.SendAsync(new MailToSend(user.Email!, subject, body), ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
