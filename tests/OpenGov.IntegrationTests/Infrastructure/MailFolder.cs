using System.Text;
using MimeKit;

namespace OpenGov.IntegrationTests.Infrastructure;

public sealed record ReceivedMail(string To, string Subject, string MessageId, string Text, string Html, IReadOnlyDictionary<string, string> Headers, string Raw);

/// <summary>Reads the .eml files the app writes to the pickup folder (parsed with MimeKit, as a mail client would).</summary>
public sealed class MailFolder(string directory)
{
    public IReadOnlyList<ReceivedMail> All() => Directory.Exists(directory)
        ? Directory.GetFiles(directory, "*.eml").OrderBy(File.GetCreationTimeUtc).Select(f => Parse(File.ReadAllText(f))).ToList()
        : [];

    public IReadOnlyList<ReceivedMail> To(string address) => All().Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Waits (up to <paramref name="timeout"/>) for a mail to <paramref name="address"/> matching <paramref name="predicate"/>.</summary>
    public async Task<ReceivedMail> WaitForAsync(string address, Func<ReceivedMail, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = To(address).LastOrDefault(m => predicate?.Invoke(m) ?? true);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No mail to {address} arrived in {directory}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Parses a raw message (a pickup file, or the DATA an SMTP sink received).</summary>
    public static ReceivedMail Parse(string raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        using var message = MimeMessage.Load(stream);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in message.Headers) headers[h.Field] = h.Value.Trim();
        return new ReceivedMail(string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), message.Subject ?? "",
            message.MessageId is null ? "" : $"<{message.MessageId}>", message.TextBody ?? "", message.HtmlBody ?? "", headers, raw);
    }
}
