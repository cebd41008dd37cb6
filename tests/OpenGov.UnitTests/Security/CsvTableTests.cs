using System.Text;
using OpenGov.SharedKernel.Csv;

namespace OpenGov.UnitTests.Security;

public sealed class CsvTableTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+33 6", "\"'+33 6\"")]
    [InlineData("-1+2", "\"'-1+2\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("Espace, Associatif", "\"Espace, Associatif\"")]
    [InlineData("plain", "plain")]
    // A defused cell is also quoted (CsvHelper's Escape), which spreadsheets read as the same text.
    public async Task Cells_are_quoted_and_formula_starts_defused(string value, string expected)
    {
        var bytes = await CsvTable.ToBytesAsync(csv => csv.RowAsync([value, 42]));
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(expected + ",42\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Numbers_and_dates_are_invariant_and_not_defused()
    {
        var bytes = await CsvTable.ToBytesAsync(csv => csv.RowAsync([-1.5, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateOnly(2026, 1, 2), null, "عربي"]));
        Assert.Equal("-1.5,2026-01-02T03:04:05Z,2026-01-02,,عربي\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task A_file_holds_one_table_every_row_has_the_header_width()
    {
        var ok = await CsvTable.ToBytesAsync(async csv => { await csv.RowAsync(["a", "b"]); await csv.RowAsync([1, 2]); });
        Assert.Equal("a,b\r\n1,2\r\n", Encoding.UTF8.GetString(ok[3..]));
        await Assert.ThrowsAnyAsync<Exception>(() => CsvTable.ToBytesAsync(async csv => { await csv.RowAsync(["a", "b"]); await csv.RowAsync(["x"]); }));
    }
}
