using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Text;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Errors;

namespace OpenGov.Web.Pages.Translations;

/// <summary>An administrator edits one item's official texts side by side in French (required), Arabic and English.
/// The module owning the kind ("plan", "commitment", "cycle", "sheet"...) loads and saves them through its guarded methods,
/// and may let others in (<see cref="ITranslatableTexts.MayEditAsync"/>: a sheet's agency editors); both handlers check.
/// Outside Pages/Admin (whose folder convention admits administrators only), at the same /admin/translations address.
/// Translations made from an older French original are flagged (<see cref="TranslationFreshness"/>) until saved again.</summary>
[Authorize]
public sealed class EditModel(IEnumerable<ITranslatableTexts> modules, TranslationFreshness freshness, IStringLocalizer<TranslationText> text)
    : PageModel, IRedisplayPage
{
    public TranslationForm Item { get; private set; } = null!;

    [BindProperty] public List<string?> Fr { get; set; } = [];
    [BindProperty] public List<string?> Ar { get; set; } = [];
    [BindProperty] public List<string?> En { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(kind, id, ct)) return NotFound();
        if (!await MayEditAsync(kind, id, ct)) return Forbid();
        Fr = Item.Fields.Select(f => (string?)f.Value.Fr).ToList();
        Ar = Item.Fields.Select(f => f.Value.Ar).ToList();
        En = Item.Fields.Select(f => f.Value.En).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, Guid id, CancellationToken ct)
    {
        (_kind, _id) = (kind, id);
        var module = Module(kind);
        if (module is null || !await LoadAsync(kind, id, ct)) return NotFound();
        if (!await MayEditAsync(kind, id, ct)) return Forbid();
        if (!ModelState.IsValid) return Page();
        var values = Item.Fields.Select((_, i) => new LocalizedText(At(Fr, i), At(Ar, i), At(En, i))).ToList();
        await freshness.SaveAsync(module, kind, id, values, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        TempData["TranslationsSaved"] = text["Saved"].Value;
        return Redirect($"/admin/translations/{kind}/{id}");
    }

    private string _kind = "";
    private Guid _id;

    public async Task<IActionResult> RedisplayAsync() => await LoadAsync(_kind, _id, HttpContext.RequestAborted) ? Page() : NotFound();

    private async Task<bool> MayEditAsync(string kind, Guid id, CancellationToken ct)
        => User.IsInRole(Roles.Administrator)
            || (Module(kind) is { } m && await m.MayEditAsync(kind, id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct));

    private ITranslatableTexts? Module(string kind) => modules.FirstOrDefault(m => m.Kinds.Contains(kind));

    private async Task<bool> LoadAsync(string kind, Guid id, CancellationToken ct)
    {
        var form = Module(kind) is { } m ? await m.LoadAsync(kind, id, ct) : null;
        if (form is null) return false;
        Item = await freshness.FlagAsync(form, ct);
        return true;
    }

    private static string? At(List<string?> values, int i) => i < values.Count ? values[i] : null;
}
