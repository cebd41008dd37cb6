using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace OpenGov.Web.Infrastructure.Mail;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it (port 25 relays on a private network).</summary>
    Auto = 0,
    /// <summary>Plain text, never upgraded (a local sink).</summary>
    None = 1,
    /// <summary>STARTTLS required (submission port 587).</summary>
    StartTls = 2,
    /// <summary>TLS from the first byte (port 465).</summary>
    Tls = 3,
}

public sealed class MailOptions
{
    /// <summary>"Pickup" (default: .eml files in <see cref="PickupDirectory"/>) or "Smtp".</summary>
    public string Mode { get; set; } = "Pickup";
    public string PickupDirectory { get; set; } = "mail";
    public string From { get; set; } = "OpenGov <no-reply@opengov.local>";
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 25;
    /// <summary>How the connection is secured; see <see cref="SmtpSecurity"/>.</summary>
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.Auto;
    /// <summary>Kept for older settings: true means <see cref="SmtpSecurity.StartTls"/> (or TLS on port 465).</summary>
    public bool SmtpEnableSsl { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>Connect, command and data timeout.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(60);

    internal SecureSocketOptions SocketOptions() => SmtpSecurity switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ when SmtpEnableSsl => SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}

public sealed record MailAttachment(string FileName, string ContentType, string Content);

public sealed record MailToSend(string To, string Subject, string TextBody, string? HtmlBody = null,
    string? MessageId = null, IReadOnlyDictionary<string, string>? Headers = null, MailAttachment? Attachment = null)
{
    /// <summary>Every subject goes through here: line breaks and control characters (a title with a newline, old data) become
    /// a space, so a subject is always a valid header and never a header injection.</summary>
    public string Subject { get; init; } = OpenGov.SharedKernel.Text.SingleLineText.Flatten(Subject);
}

/// <summary>Mails sent over one connection (SMTP) or into one folder (pickup); dispose to close.</summary>
public interface IMailBatch : IAsyncDisposable
{
    Task SendAsync(MailToSend mail, CancellationToken ct = default);
}

public interface IMailSender
{
    Task SendAsync(MailToSend mail, CancellationToken ct = default);

    /// <summary>Opens a batch: by default each mail is sent alone.</summary>
    Task<IMailBatch> OpenBatchAsync(CancellationToken ct = default) => Task.FromResult<IMailBatch>(new OneByOne(this));

    private sealed class OneByOne(IMailSender sender) : IMailBatch
    {
        public Task SendAsync(MailToSend mail, CancellationToken ct = default) => sender.SendAsync(mail, ct);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>MailKit delivery: an SMTP server (STARTTLS or implicit TLS, optional authentication, one connection per batch),
/// or the same MIME message written to a pickup folder as .eml (default).</summary>
public sealed class MailKitSender(Microsoft.Extensions.Options.IOptions<MailOptions> options, IHostEnvironment env) : IMailSender
{
    public async Task SendAsync(MailToSend mail, CancellationToken ct = default)
    {
        await using var batch = await OpenBatchAsync(ct);
        await batch.SendAsync(mail, ct);
    }

    public async Task<IMailBatch> OpenBatchAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (!string.Equals(o.Mode, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            var dir = Path.GetFullPath(o.PickupDirectory, env.ContentRootPath);
            Directory.CreateDirectory(dir);
            return new PickupBatch(o, dir);
        }
        var client = new SmtpClient { Timeout = (int)o.SmtpTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SocketOptions(), ct);
            if (!string.IsNullOrEmpty(o.SmtpUser)) await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return new SmtpBatch(o, client);
    }

    /// <summary>The MIME message: UTF-8 text and HTML alternatives, an optional attachment, the stable Message-ID.</summary>
    public static MimeMessage Build(MailOptions o, MailToSend mail)
    {
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        if (mail.MessageId is not null) message.MessageId = mail.MessageId.Trim('<', '>');
        else message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("opengov");
        if (mail.Headers is not null)
            foreach (var (k, v) in mail.Headers) message.Headers.Add(k, v);
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        if (mail.Attachment is not null)
        {
            var part = body.Attachments.Add(mail.Attachment.FileName, System.Text.Encoding.UTF8.GetBytes(mail.Attachment.Content),
                ContentType.Parse(mail.Attachment.ContentType));
            // Base64 keeps the bytes as they are: a calendar's CRLF line endings (RFC 5545) survive any newline format
            // the message is written with (the pickup folder writes LF on Linux; quoted-printable would follow it).
            if (part is MimePart mime) mime.ContentTransferEncoding = ContentEncoding.Base64;
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private sealed class SmtpBatch(MailOptions o, SmtpClient client) : IMailBatch
    {
        public async Task SendAsync(MailToSend mail, CancellationToken ct = default)
        {
            using var message = Build(o, mail);
            await client.SendAsync(message, ct);
        }

        public async ValueTask DisposeAsync()
        {
            try { if (client.IsConnected) await client.DisconnectAsync(quit: true); }
            catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException) { }
            client.Dispose();
        }
    }

    private sealed class PickupBatch(MailOptions o, string directory) : IMailBatch
    {
        public async Task SendAsync(MailToSend mail, CancellationToken ct = default)
        {
            using var message = Build(o, mail);
            // Written under a temporary name then renamed, so a reader never sees half a file.
            var name = Guid.NewGuid().ToString("N");
            var temp = Path.Combine(directory, name + ".tmp");
            await message.WriteToAsync(temp, ct);
            File.Move(temp, Path.Combine(directory, name + ".eml"));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
