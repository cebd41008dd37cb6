using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace OpenGov.Web.Infrastructure.Mail;

public sealed class MailOptions
{
    /// <summary>"Pickup" (default: .eml files in <see cref="PickupDirectory"/>) or "Smtp".</summary>
    public string Mode { get; set; } = "Pickup";
    public string PickupDirectory { get; set; } = "mail";
    public string From { get; set; } = "OpenGov <no-reply@opengov.local>";
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 25;
    public bool SmtpEnableSsl { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
}

public sealed record MailAttachment(string FileName, string ContentType, string Content);

public sealed record MailToSend(string To, string Subject, string TextBody, string? HtmlBody = null,
    string? MessageId = null, IReadOnlyDictionary<string, string>? Headers = null, MailAttachment? Attachment = null)
{
    /// <summary>Every subject goes through here: line breaks and control characters (a title with a newline, old data) become
    /// a space, so a subject is always a valid header and never a header injection.</summary>
    public string Subject { get; init; } = OpenGov.SharedKernel.Text.SingleLineText.Flatten(Subject);
}

public interface IMailSender
{
    Task SendAsync(MailToSend mail, CancellationToken ct = default);
}

/// <summary>System.Net.Mail delivery (MailKit is not on the mirror): an SMTP server, or a pickup folder by default.</summary>
public sealed class SmtpMailSender(Microsoft.Extensions.Options.IOptions<MailOptions> options, IHostEnvironment env) : IMailSender
{
    public async Task SendAsync(MailToSend mail, CancellationToken ct = default)
    {
        var o = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(o.From),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(mail.To));
        // Base64 parts keep Arabic text intact and are trivial for tests and clients to decode.
        var text = AlternateView.CreateAlternateViewFromString(mail.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain);
        text.TransferEncoding = TransferEncoding.Base64;
        message.AlternateViews.Add(text);
        if (mail.HtmlBody is not null)
        {
            var html = AlternateView.CreateAlternateViewFromString(mail.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
            html.TransferEncoding = TransferEncoding.Base64;
            message.AlternateViews.Add(html);
        }
        if (mail.MessageId is not null) message.Headers.Add("Message-ID", mail.MessageId);
        if (mail.Headers is not null)
            foreach (var (k, v) in mail.Headers) message.Headers.Add(k, v);
        if (mail.Attachment is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(mail.Attachment.Content);
            message.Attachments.Add(new Attachment(new MemoryStream(bytes), mail.Attachment.FileName, mail.Attachment.ContentType));
        }

        using var client = new SmtpClient();
        if (string.Equals(o.Mode, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            client.Host = o.SmtpHost;
            client.Port = o.SmtpPort;
            client.EnableSsl = o.SmtpEnableSsl;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            if (!string.IsNullOrEmpty(o.SmtpUser)) client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        }
        else
        {
            var dir = Path.GetFullPath(o.PickupDirectory, env.ContentRootPath);
            Directory.CreateDirectory(dir);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = dir;
        }
        await client.SendMailAsync(message, ct);
    }
}
