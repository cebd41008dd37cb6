using System.Globalization;
using System.Text;

namespace OpenGov.Consultation.Events;

/// <summary>An opaque keyset cursor (an instant and an id, base64url): the position after the last item of a page.</summary>
public static class KeysetCursor
{
    public static string Encode(DateTime at, Guid id)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.Ticks.ToString(CultureInfo.InvariantCulture)}:{id:N}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, out DateTime at, out Guid id)
    {
        at = default;
        id = default;
        if (string.IsNullOrWhiteSpace(cursor) || cursor.Length > 100) return false;
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < 0 || ticks > DateTime.MaxValue.Ticks || !Guid.TryParseExact(parts[1], "N", out id)) return false;
            at = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }
        catch (FormatException) { return false; }
    }
}
