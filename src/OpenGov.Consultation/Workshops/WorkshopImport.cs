using OpenGov.Consultation.Proposals;

namespace OpenGov.Consultation.Workshops;

/// <summary>One row of an import file, checked: its line number, the idea it would create, and what is wrong (error keys).</summary>
public sealed record ImportRow(int Line, string Title, string AxisCode, string Region, ProposalContent? Content, IReadOnlyList<string> Errors);

/// <summary>The rows of an import file and whether every one is valid (an import saves all rows or none).</summary>
public sealed record ImportPreview(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> FileErrors)
{
    public bool IsValid => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);
}

/// <summary>
/// The workshop import template (CSV or XLSX, header row first): title, problem, solution, axis (the axis code), region
/// (a region code; blank = the workshop's), expected_impact. Pure: the same check runs for the preview and again on confirm.
/// </summary>
public static class WorkshopImport
{
    public const int MaxRows = 500;
    public static readonly IReadOnlyList<string> Header = ["title", "problem", "solution", "axis", "region", "expected_impact"];

    public static ImportPreview Check(IReadOnlyList<string[]> table, IReadOnlyDictionary<string, Guid> axesByCode, string defaultRegion)
    {
        if (table.Count == 0) return new([], ["Import.Empty"]);
        var header = table[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var index = Header.ToDictionary(h => h, h => header.IndexOf(h));
        if (index["title"] < 0 || index["axis"] < 0) return new([], ["Import.BadHeader"]);
        var data = table.Skip(1).Select((cells, i) => (Line: i + 2, Cells: cells)).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (data.Count == 0) return new([], ["Import.Empty"]);
        if (data.Count > MaxRows) return new([], ["Import.TooManyRows"]);
        var rows = data.Select(r =>
        {
            string Cell(string name) => index[name] is >= 0 and var i && i < r.Cells.Length ? r.Cells[i].Trim() : "";
            var errors = new List<string>();
            var title = Cell("title");
            if (title.Length == 0) errors.Add("Import.TitleRequired");
            else if (title.Length > 200 || title.Contains('\n')) errors.Add("Import.TitleTooLong");
            if (Cell("problem").Length > 5000 || Cell("solution").Length > 5000 || Cell("expected_impact").Length > 3000) errors.Add("Import.TextTooLong");
            var axisCode = Cell("axis");
            if (!axesByCode.TryGetValue(axisCode, out var axisId)) errors.Add("Import.UnknownAxis");
            var region = Cell("region") is { Length: > 0 } given ? given : defaultRegion;
            if (!SharedKernel.Regions.IsValid(region)) errors.Add("Import.UnknownRegion");
            var content = errors.Count == 0 ? new ProposalContent(title, Cell("problem"), Cell("solution"), axisId, region, Cell("expected_impact")) : null;
            return new ImportRow(r.Line, title, axisCode, region, content, errors);
        }).ToList();
        return new(rows, []);
    }
}
