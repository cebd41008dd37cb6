using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.OpenData;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure;

namespace OpenGov.Web.Pages.Feedback;

/// <summary>Writes the reasoned response to one idea: draft, or save and publish (the author is notified).</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class AnswerModel(CycleQueries cycles, FeedbackAnswers answers, AnswerTemplates templates, ResponseTrace trace,
    IStringLocalizer<FeedbackText> text) : PageModel
{
    public sealed class InputModel
    {
        public ResponseState State { get; set; } = ResponseState.Retained;
        public Guid? SheetId { get; set; }
        [StringLength(ProposalResponse.MaxJustificationLength)]
        public string? Justification { get; set; }
        public Guid? TemplateId { get; set; }
    }

    public CycleHeader Cycle { get; private set; } = null!;
    public FeedbackRow Row { get; private set; } = null!;
    public IReadOnlyList<AnswerTemplates.Item> Templates { get; private set; } = [];
    /// <summary>The sheets of the cycle: the choices of the "integrated into a sheet" picker.</summary>
    public IReadOnlyList<TracedSheet> Sheets { get; private set; } = [];
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid proposalId, CancellationToken ct)
    {
        if (!await LoadAsync(id, proposalId, ct)) return NotFound();
        if (Row.State is { } state)
            Input = new InputModel { State = state, SheetId = Row.SheetId, Justification = Row.Justification };
        return Page();
    }

    /// <summary>A post without a handler (a form submitted by a script or an old page) saves a draft, never publishes.</summary>
    public Task<IActionResult> OnPostAsync(Guid id, Guid proposalId, CancellationToken ct) => SaveAsync(id, proposalId, publish: false, ct);

    public Task<IActionResult> OnPostSaveAsync(Guid id, Guid proposalId, CancellationToken ct) => SaveAsync(id, proposalId, publish: false, ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, Guid proposalId, CancellationToken ct) => SaveAsync(id, proposalId, publish: true, ct);

    private async Task<IActionResult> SaveAsync(Guid id, Guid proposalId, bool publish, CancellationToken ct)
    {
        if (!await LoadAsync(id, proposalId, ct)) return NotFound();
        var justification = Input.Justification;
        // An empty justification with a template chosen takes the template's words (and state).
        if (string.IsNullOrWhiteSpace(justification) && Input.TemplateId is { } tid && Templates.FirstOrDefault(t => t.Id == tid) is { } template)
        {
            justification = template.Justification;
            Input.State = template.State;
        }
        if (string.IsNullOrWhiteSpace(justification)) ModelState.AddModelError("Input.Justification", text["Form.JustificationRequired"]);
        if (Input.State == ResponseState.MergedIntoSheet && Input.SheetId is null) ModelState.AddModelError("Input.SheetId", text["Form.SheetRequired"]);
        // Only a sheet the picker offers (one of this cycle's): a forged id from elsewhere would break the public trail.
        else if (Input.State == ResponseState.MergedIntoSheet && !Sheets.Any(s => s.Id == Input.SheetId))
            ModelState.AddModelError("Input.SheetId", text["Form.SheetNotInCycle"]);
        if (!Enum.IsDefined(Input.State)) ModelState.AddModelError("Input.State", text["Form.NotAnswerable"]);
        if (!ModelState.IsValid) return Page();
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        await answers.SaveAsync(id, proposalId, new AnswerInput(Input.State, Input.SheetId, justification!, Input.TemplateId), userId, ct);
        if (publish) await answers.PublishAsync(id, [proposalId], userId, ct);
        Message = publish ? text["Manage.PublishedOne"] : text["Manage.Saved"];
        return Redirect($"/cycles/{id}/feedback/manage");
    }

    private async Task<bool> LoadAsync(Guid id, Guid proposalId, CancellationToken ct)
    {
        var cycle = await CycleHeader.LoadAsync(cycles, id, ct);
        var row = cycle is null ? null : await answers.RowAsync(id, proposalId, ct);
        if (cycle is null || row is null) return false;
        (Cycle, Row) = (cycle, row);
        Templates = await templates.ListAsync(id, ct);
        Sheets = await trace.SheetChoicesAsync(id, null, ct);
        return true;
    }
}
