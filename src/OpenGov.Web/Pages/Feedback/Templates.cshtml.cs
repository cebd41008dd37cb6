using OpenGov.Web.Security;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Feedback;

/// <summary>Moderators' reusable answer templates of a cycle: list, create, edit, delete.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class TemplatesModel(CycleQueries cycles, AnswerTemplates templates, IStringLocalizer<FeedbackText> text) : PageModel
{
    public sealed class InputModel
    {
        public Guid? Id { get; set; }
        [Required(ErrorMessage = "Common.Required"), StringLength(150), SingleLine] public string? Name { get; set; }
        public ResponseState State { get; set; } = ResponseState.NotRetained;
        [Required(ErrorMessage = "Common.Required"), StringLength(ProposalResponse.MaxJustificationLength)]
        public string? Justification { get; set; }
    }

    public CycleHeader Cycle { get; private set; } = null!;
    public IReadOnlyList<AnswerTemplates.Item> Items { get; private set; } = [];
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? edit, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (edit is not null && Items.FirstOrDefault(t => t.Id == edit) is { } t)
            Input = new InputModel { Id = t.Id, Name = t.Name, State = t.State, Justification = t.Justification };
        return Page();
    }

    /// <summary>A post without a handler changes nothing.</summary>
    public IActionResult OnPost(Guid id) => Redirect($"/cycles/{id}/feedback/templates");

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Input.State == ResponseState.MergedIntoSheet) ModelState.AddModelError("Input.State", text["Templates.NoMerge"]);
        if (!ModelState.IsValid) return Page();
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        await templates.SaveAsync(id, Input.Id, Input.Name!, Input.State, Input.Justification!, userId, ct);
        Message = text["Templates.Saved"];
        return Redirect($"/cycles/{id}/feedback/templates");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid templateId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await templates.DeleteAsync(id, templateId, ct);
        Message = text["Templates.Deleted"];
        return Redirect($"/cycles/{id}/feedback/templates");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var cycle = await CycleHeader.LoadAsync(cycles, id, ct);
        if (cycle is null) return false;
        Cycle = cycle;
        Items = await templates.ListAsync(id, ct);
        return true;
    }
}
