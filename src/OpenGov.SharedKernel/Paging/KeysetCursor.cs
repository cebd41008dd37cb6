using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OpenGov.SharedKernel.Paging;

/// <summary>
/// The one keyset cursor codec of every list and the API: the last row's sort key and tie-breaking id,
/// "key|id" in UTF-8, base64url. Decoding never throws: a missing, tampered or oversized cursor reads as
/// "no cursor", so the list restarts at its first page instead of answering 500.
/// </summary>
public static class KeysetCursor
{
    private const int MaxLength = 400;
    private static readonly UTF8Encoding Strict = new(false, true);

    public static string Encode(string key, Guid id)
        => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key + "|" + id.ToString("N")));

    /// <summary>An instant key (UTC ticks).</summary>
    public static string Encode(DateTime at, Guid id) => Encode(at.Ticks, id);

    /// <summary>A numeric key (a count, ticks).</summary>
    public static string Encode(long key, Guid id) => Encode(key.ToString(CultureInfo.InvariantCulture), id);

    /// <summary>A text key (a name, an e-mail, a date as yyyy-MM-dd).</summary>
    public static bool TryDecodeKey(string? cursor, out string key, out Guid id)
    {
        key = "";
        id = Guid.Empty;
        if (string.IsNullOrWhiteSpace(cursor) || cursor.Length > MaxLength) return false;
        string text;
        try { text = Strict.GetString(Base64Url.DecodeFromChars(cursor)); }
        catch (FormatException) { return false; }
        catch (ArgumentException) { return false; }
        var bar = text.LastIndexOf('|');
        if (bar < 0 || !Guid.TryParseExact(text[(bar + 1)..], "N", out id)) return false;
        key = text[..bar];
        return true;
    }

    public static bool TryDecodeNumber(string? cursor, out long key, out Guid id)
    {
        key = 0;
        if (TryDecodeKey(cursor, out var text, out id) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out key))
            return true;
        id = Guid.Empty;
        return false;
    }

    /// <summary>An instant key; out-of-range ticks are tampering.</summary>
    public static bool TryDecode(string? cursor, out DateTime at, out Guid id)
    {
        at = default;
        if (TryDecodeNumber(cursor, out var ticks, out id) && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks)
        {
            at = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }
        id = Guid.Empty;
        return false;
    }
}
