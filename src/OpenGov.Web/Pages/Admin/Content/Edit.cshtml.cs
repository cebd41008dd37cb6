using OpenGov.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Content;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Admin.Content;

/// <summary>Writes a news article or a static page in French (required), Arabic and English; publishing indexes it, every save is audited.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(ContentEditing editing, UserManager<AppUser> users, IStringLocalizer<ContentText> text) : PageModel
{
    public sealed class InputModel
    {
        public ContentKind Kind { get; set; } = ContentKind.News;
        public string Slug { get; set; } = "";
        [SingleLine] public string TitleFr { get; set; } = "";
        public string? BodyFr { get; set; }
        [SingleLine] public string? TitleAr { get; set; }
        public string? BodyAr { get; set; }
        [SingleLine] public string? TitleEn { get; set; }
        public string? BodyEn { get; set; }
        public bool Publish { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, ContentKind? kind, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            Input.Kind = kind is { } k && Enum.IsDefined(k) ? k : ContentKind.News;
            return Page();
        }
        var item = await editing.ForEditAsync(id.Value, ct);
        if (item is null) return NotFound();
        Input = new InputModel
        {
            Kind = item.Kind, Slug = item.Slug, TitleFr = item.TitleFr, BodyFr = item.BodyFr, TitleAr = item.TitleAr, BodyAr = item.BodyAr,
            TitleEn = item.TitleEn, BodyEn = item.BodyEn, Publish = item.IsPublished,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (!ContentItem.IsValidSlug((Input.Slug ?? "").Trim().ToLowerInvariant())) ModelState.AddModelError("Input.Slug", text["Error.Slug"]);
        if (string.IsNullOrWhiteSpace(Input.TitleFr) || Input.TitleFr.Length > 300) ModelState.AddModelError("Input.TitleFr", text["Error.TitleFr"]);
        if (string.IsNullOrWhiteSpace(Input.TitleAr) && !string.IsNullOrWhiteSpace(Input.BodyAr)) ModelState.AddModelError("Input.TitleAr", text["Error.TranslationTitle"]);
        if (string.IsNullOrWhiteSpace(Input.TitleEn) && !string.IsNullOrWhiteSpace(Input.BodyEn)) ModelState.AddModelError("Input.TitleEn", text["Error.TranslationTitle"]);
        if (new[] { Input.BodyFr, Input.BodyAr, Input.BodyEn }.Any(b => (b?.Length ?? 0) > 100000)) ModelState.AddModelError("", text["Error.TooLong"]);
        if (!ModelState.IsValid) return Page();
        var saved = await editing.SaveAsync(id, Input.Kind, Input.Slug!, new LocalizedText(Input.TitleFr, Input.BodyFr ?? ""),
            new LocalizedText(Input.TitleAr ?? "", Input.BodyAr ?? ""), new LocalizedText(Input.TitleEn ?? "", Input.BodyEn ?? ""),
            Input.Publish, users.GetUserId(User)!, ct);
        return Redirect($"/admin/content/edit/{saved}?saved=true");
    }
}
