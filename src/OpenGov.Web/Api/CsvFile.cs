using System.Globalization;
using System.Text;

namespace OpenGov.Web.Api;

/// <summary>RFC 4180 CSV: comma-separated, CRLF, fields quoted when needed. Cells that a spreadsheet would run as a
/// formula (=, +, -, @) are prefixed with an apostrophe (CSV injection).</summary>
public static class CsvFile
{
    public static string Row(IEnumerable<object?> cells) => string.Join(',', cells.Select(Field)) + "\r\n";

    public static string Field(object? value)
    {
        var s = value switch
        {
            null => "",
            DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' && value is string) s = "'" + s;
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    public static async Task WriteAsync<T>(Stream body, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Func<T, object?[]> cells, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(true), leaveOpen: true);
        await writer.WriteAsync(Row(header));
        await foreach (var row in rows.WithCancellation(ct)) await writer.WriteAsync(Row(cells(row)));
        await writer.FlushAsync(ct);
    }
}
