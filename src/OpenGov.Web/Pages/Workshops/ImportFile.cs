using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenGov.SharedKernel.Csv;
using OpenGov.SharedKernel.Errors;

namespace OpenGov.Web.Pages.Workshops;

/// <summary>An uploaded import file (the CSV or XLSX template) read into rows of cells; unreadable files are a form error.</summary>
public static class ImportFile
{
    public const long MaxBytes = 1024 * 1024;

    public static async Task<IReadOnlyList<string[]>> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0 || file.Length > MaxBytes) throw DomainException.Rule("WorkshopImportUnreadable");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        try
        {
            // XLSX files are ZIP archives ("PK"); anything else is read as UTF-8 CSV.
            if (buffer.Length > 2 && buffer.GetBuffer()[0] == 'P' && buffer.GetBuffer()[1] == 'K') return ReadXlsx(buffer);
            var text = new System.Text.UTF8Encoding(false, true).GetString(buffer.ToArray());
            return CsvTable.Parse(text);
        }
        catch (Exception e) when (e is FormatException or System.Text.DecoderFallbackException or OpenXmlPackageException or InvalidDataException or IOException)
        {
            throw DomainException.Rule("WorkshopImportUnreadable");
        }
    }

    /// <summary>The first worksheet's rows, cells placed by their column reference (empty cells may be absent in the file).</summary>
    private static List<string[]> ReadXlsx(Stream stream)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var book = doc.WorkbookPart ?? throw new InvalidDataException("No workbook.");
        var sheet = book.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var part = (WorksheetPart)book.GetPartById(sheet.Id!.Value!);
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = new List<string[]>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new SortedDictionary<int, string>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                next = column + 1;
                var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
                cells[column] = cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var i) && i >= 0 && i < shared.Count ? shared[i] : raw;
            }
            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            rows.Add(Enumerable.Range(0, width).Select(c => cells.GetValueOrDefault(c, "")).ToArray());
        }
        return rows;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return index - 1;
    }
}
