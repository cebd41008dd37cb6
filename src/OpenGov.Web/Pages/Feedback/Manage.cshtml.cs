using OpenGov.SharedKernel.Errors;
using OpenGov.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure;

namespace OpenGov.Web.Pages.Feedback;

/// <summary>Moderators answer the ideas of a cycle: filtered list, template applied to a selection, batch publication.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class ManageModel(CycleQueries cycles, FeedbackAnswers answers, AnswerTemplates templates,
    IStringLocalizer<FeedbackText> text) : PageModel
{
    public CycleHeader Cycle { get; private set; } = null!;
    public FeedbackCoverageResult Coverage { get; private set; } = new(0, 0);
    public KeysetPage<FeedbackRow> Results { get; private set; } = new([], null);
    public IReadOnlyList<AnswerTemplates.Item> Templates { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public FeedbackFilterInput Filter { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    [TempData] public string? Message { get; set; }

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A post without a handler changes nothing.</summary>
    public IActionResult OnPost(Guid id) => Back(id);

    public async Task<IActionResult> OnPostApplyTemplateAsync(Guid id, Guid templateId, CancellationToken ct)
    {
        if (await CycleHeader.LoadAsync(cycles, id, ct) is null) return NotFound();
        try
        {
            var count = await answers.ApplyTemplateAsync(id, templateId, Filter.ToFilter(), UserId, ct);
            Message = text["Manage.Applied", count];
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Rule) { Message = DomainErrorText.For(HttpContext, e); }
        return Back(id);
    }

    public async Task<IActionResult> OnPostPublishSelectedAsync(Guid id, List<Guid> selected, CancellationToken ct)
    {
        if (await CycleHeader.LoadAsync(cycles, id, ct) is null) return NotFound();
        var count = await answers.PublishAsync(id, selected.Distinct().Take(1000).ToList(), UserId, ct);
        Message = count == 0 ? text["Manage.NothingSelected"] : text["Manage.Published", count];
        return Back(id);
    }

    public async Task<IActionResult> OnPostPublishAllDraftsAsync(Guid id, CancellationToken ct)
    {
        if (await CycleHeader.LoadAsync(cycles, id, ct) is null) return NotFound();
        var count = await answers.PublishAllDraftsAsync(id, Filter.ToFilter(), UserId, ct);
        Message = count == 0 ? text["Manage.NothingSelected"] : text["Manage.Published", count];
        return Back(id);
    }

    private RedirectResult Back(Guid id) => Redirect($"/cycles/{id}/feedback/manage{Filter.QueryString()}");

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var cycle = await CycleHeader.LoadAsync(cycles, id, ct);
        if (cycle is null) return false;
        Cycle = cycle;
        Coverage = await answers.CoverageAsync(id, ct);
        Results = await answers.ListAsync(id, Filter.ToFilter(), Cursor, publicOnly: false, ct);
        Templates = await templates.ListAsync(id, ct);
        return true;
    }
}
