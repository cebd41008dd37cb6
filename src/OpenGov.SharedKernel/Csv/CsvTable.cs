using System.Globalization;
using System.Text;
using CsvHelper;

namespace OpenGov.SharedKernel.Csv;

/// <summary>
/// The one CSV writer of every export: RFC 4180 through CsvHelper (comma, CRLF, quotes when needed), UTF-8 with a BOM so
/// spreadsheets read accents and Arabic, invariant formats, and text cells starting with = + - @ tab or CR prefixed with
/// an apostrophe so a spreadsheet never runs user text as a formula (CSV injection). One table per file: every row has the
/// header's width.
/// </summary>
public sealed class CsvTable : IAsyncDisposable
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };
    private readonly CsvWriter _csv;
    private int? _width;

    private CsvTable(Stream stream) => _csv = CsvWriter.Create(stream, Options, leaveOpen: true);

    /// <summary>A small table built in memory (BOM included).</summary>
    public static async Task<byte[]> ToBytesAsync(Func<CsvTable, Task> write)
    {
        using var buffer = new MemoryStream();
        await using (var table = new CsvTable(buffer)) await write(table);
        return buffer.ToArray();
    }

    /// <summary>A header row then one row per item, streamed to <paramref name="stream"/> (e.g. a response body, left open).</summary>
    public static async Task WriteAsync<T>(Stream stream, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Func<T, object?[]> cells,
        CancellationToken ct = default)
    {
        await using var table = new CsvTable(stream);
        await table.RowAsync(header, ct);
        await foreach (var row in rows.WithCancellation(ct)) await table.RowAsync(cells(row), ct);
    }

    /// <summary>One record. Text is defused by CsvHelper; numbers stay numbers (-5 is not escaped); dates are ISO 8601.</summary>
    public async Task RowAsync(IEnumerable<object?> cells, CancellationToken ct = default)
    {
        var row = cells as IReadOnlyCollection<object?> ?? cells.ToList();
        // One table per file: a row of another width is a programming error (a second table goes to a second file).
        if (_width is { } width && width != row.Count)
            throw new InvalidOperationException($"CSV row of {row.Count} cells in a table of {width} columns: one table per file.");
        _width = row.Count;
        foreach (var cell in row)
        {
            switch (cell)
            {
                case DateTime d: _csv.WriteField(d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)); break;
                case DateOnly d: _csv.WriteField(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case Enum e: _csv.WriteField(e.ToString()); break;
                default: _csv.WriteField(cell); break;
            }
        }
        await _csv.EndRecordAsync(ct);
    }

    /// <summary>
    /// The one CSV reader (imports): a small text into rows of cells, the separator detected (, ; tab |: spreadsheets
    /// in French write semicolons), a leading BOM ignored. Malformed input is a <see cref="FormatException"/>.
    /// </summary>
    public static IReadOnlyList<string[]> Parse(string text)
    {
        try
        {
            using var reader = CsvReader.Create(new StringReader(text.TrimStart('\uFEFF')), new CsvReaderOptions { HasHeader = false }, false);
            var rows = new List<string[]>();
            while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
            return rows;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FormatException("Unreadable CSV.", e);
        }
    }

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
