using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Localization;

namespace OpenGov.Web.Identity;

/// <summary>
/// Transactional account e-mails (confirmation, password reset, change of address, already registered), written in the
/// recipient's preferred language and enqueued in the outbox like every mail: the caller's SaveChanges commits them with
/// the account change, so a mail server outage never fails the request, and delivery is retried with a stable Message-ID.
/// Their links expire (Identity's token lifespan) and are only valid once.
/// </summary>
public sealed class AccountMails(IOutbox outbox, IStringLocalizer<AccountText> text)
{
    public const string Category = "account";

    public void EnqueueConfirmation(AppUser user, string link) => Enqueue(user, user.Email!, "confirm", "Mail.Confirm", link);

    public void EnqueueAlreadyRegistered(AppUser user, string loginLink) => Enqueue(user, user.Email!, "existing", "Mail.Existing", loginLink);

    public void EnqueuePasswordReset(AppUser user, string link) => Enqueue(user, user.Email!, "reset", "Mail.Reset", link);

    /// <summary>To the new address, whose owner confirms the change by opening the link.</summary>
    public void EnqueueEmailChange(AppUser user, string newEmail, string link) => Enqueue(user, newEmail, "email-change", "Mail.EmailChange", link);

    private void Enqueue(AppUser user, string to, string kind, string key, string link)
    {
        var previous = CultureInfo.CurrentUICulture;
        var culture = Cultures.Supported.Contains(user.PreferredCulture) ? user.PreferredCulture : Cultures.Default;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var subject = text[key + ".Subject"].Value;
            var body = $"{text["Mail.Hello", user.DisplayName]}\n\n{text[key + ".Text"]}\n\n{link}\n\n{text["Mail.Ignore"]}\n\n{text["Mail.Signature"]}\n";
            outbox.Enqueue(new OutgoingMail($"{Category}.{kind}", to, subject, body, Culture: culture));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
