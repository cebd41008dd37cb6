using System.Text;
using System.Text.RegularExpressions;

namespace OpenGov.IntegrationTests.Infrastructure;

public sealed record ReceivedMail(string To, string Subject, string MessageId, string Text, string Html, IReadOnlyDictionary<string, string> Headers, string Raw);

/// <summary>Reads the .eml files System.Net.Mail writes to the pickup folder (base64 parts, UTF-8).</summary>
public sealed partial class MailFolder(string directory)
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

    public static ReceivedMail Parse(string raw)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var headerEnd = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerBlock = headerEnd >= 0 ? raw[..headerEnd] : raw;
        foreach (var line in Regex.Split(headerBlock.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal), "\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        string text = "", html = "";
        foreach (Match part in PartRegex().Matches(raw))
        {
            var type = part.Groups["type"].Value.ToLowerInvariant();
            var body = DecodeBase64(part.Groups["body"].Value);
            if (type == "text/plain" && text.Length == 0) text = body;
            else if (type == "text/html" && html.Length == 0) html = body;
        }
        return new ReceivedMail(headers.GetValueOrDefault("To", ""), DecodeHeader(headers.GetValueOrDefault("Subject", "")),
            headers.GetValueOrDefault("Message-ID", ""), text, html, headers, raw);
    }

    private static string DecodeBase64(string body)
    {
        var compact = Regex.Replace(body, @"\s+", "");
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(compact)); }
        catch (FormatException) { return body; }
    }

    /// <summary>Decodes RFC 2047 encoded-words (=?utf-8?B?...?=).</summary>
    private static string DecodeHeader(string value) => EncodedWordRegex().Replace(value, m =>
        m.Groups["enc"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["text"].Value))
            : Regex.Replace(m.Groups["text"].Value.Replace('_', ' '), "=([0-9A-F]{2})", h => ((char)Convert.ToInt32(h.Groups[1].Value, 16)).ToString()))
        .Replace("?= =?", "", StringComparison.Ordinal);

    [GeneratedRegex(@"Content-Type:\s*(?<type>text/(plain|html))[^\r\n]*(\r\n[^\r\n]+)*\r\n\r\n(?<body>[A-Za-z0-9+/=\r\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex PartRegex();

    [GeneratedRegex(@"=\?utf-8\?(?<enc>[BQ])\?(?<text>[^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWordRegex();
}
