using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Sheets;

namespace OpenGov.Web.Pages.Sheets;

/// <summary>Anyone compares any two published versions field by field.</summary>
public sealed class CompareModel(SheetQueries queries, IStringLocalizer<SheetsText> L) : PageModel
{
    public int From { get; private set; }
    public int To { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<FieldDiff> Fields { get; private set; } = [];
    public SheetContent FromContent { get; private set; } = null!;
    public SheetContent ToContent { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int from, int to)
    {
        var a = await queries.VersionAsync(id, from);
        var b = await queries.VersionAsync(id, to);
        if (a is null || b is null) return NotFound();
        (From, To, FromContent, ToContent, Title) = (from, to, a, b, OpenGov.Web.Localization.OfficialTextHtml.Plain(b.TitleText));
        Fields = SheetDiff.Compare(a, b, on => on ? L["Diff.Yes"] : L["Diff.No"]);
        return Page();
    }
}
