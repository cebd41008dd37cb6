using System.Globalization;
using System.Text;

namespace OpenGov.Consultation.Associations;

/// <summary>Opaque keyset cursors for the community lists: a sort key and a tie-breaking id, base64url-encoded.
/// A tampered cursor reads as "from the start", never as an error.</summary>
internal static class CommunityCursor
{
    public static string Encode(string key, Guid id)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(key + "|" + id.ToString("N"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Encode(DateTime at, Guid id) => Encode(at.Ticks.ToString(CultureInfo.InvariantCulture), id);

    public static bool TryDecode(string? cursor, out string key, out Guid id)
    {
        key = "";
        id = Guid.Empty;
        if (string.IsNullOrWhiteSpace(cursor) || cursor.Length > 400) return false;
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            var bar = text.LastIndexOf('|');
            if (bar < 0 || !Guid.TryParseExact(text[(bar + 1)..], "N", out id)) return false;
            key = text[..bar];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static bool TryDecode(string? cursor, out DateTime at, out Guid id)
    {
        at = default;
        if (!TryDecode(cursor, out string key, out id) || !long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        at = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }
}
