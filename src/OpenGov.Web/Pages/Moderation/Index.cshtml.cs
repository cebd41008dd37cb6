using OpenGov.SharedKernel.Csv;
using OpenGov.SharedKernel.Errors;
using OpenGov.Web.Infrastructure.Errors;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure;

namespace OpenGov.Web.Pages.Moderation;

/// <summary>The moderators' desk: the pre-moderation queue with filters, reported and hidden content, merges,
/// blocking authors, and the exports. The policy guards every handler.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class IndexModel(ProposalModeration moderation, ProposalQueries queries, CycleQueries cycles,
    AccountBlocking blocking, UserManager<AppUser> users, IStringLocalizer<ProposalsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public QueueView View { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Cycle { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Axis { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public SubmitterType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [TempData] public string? Notice { get; set; }
    [TempData] public string? Problem { get; set; }

    public KeysetPage<QueueItem> Queue { get; private set; } = new([], null);
    public IReadOnlyList<ReportedComment> Comments { get; private set; } = [];
    public IReadOnlyList<CycleSummary> Cycles { get; private set; } = [];
    public IReadOnlyDictionary<Guid, AxisView> Axes { get; private set; } = new Dictionary<Guid, AxisView>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Region is not null && !OpenGov.SharedKernel.Regions.IsValid(Region)) Region = null;
        Queue = await moderation.QueueAsync(new QueueQuery(View, Cycle, Axis, Region, Type, After), ct);
        if (View == QueueView.Reported) Comments = await moderation.ReportedCommentsAsync(ct);
        Cycles = await cycles.OptionsAsync(ct);
        Axes = (await cycles.AllAxesAsync(ct)).ToDictionary(a => a.Axis.Id, a => a.Axis);
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
        => ActAsync(() => moderation.PublishAsync(Me, id, ct), "Moderation.Published");

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken ct)
        => string.IsNullOrWhiteSpace(reason) ? FailAsync("Error.ReasonRequired")
            : ActAsync(() => moderation.RejectAsync(Me, id, Limit(reason), ct), "Moderation.Rejected");

    /// <summary>The merge picker: the target is named by its title (or the picker's "title — id"), resolved in the module.</summary>
    public Task<IActionResult> OnPostMergeAsync(Guid id, string? targetId, CancellationToken ct)
        => string.IsNullOrWhiteSpace(targetId) ? FailAsync("Error.MergeTarget")
            : ActAsync(() => moderation.MergeIntoNamedAsync(Me, id, targetId, ct), "Moderation.Merged");

    /// <summary>Suggestions for the merge picker's list (pickers.js): ideas of the same cycle whose title contains q.</summary>
    public async Task<IActionResult> OnGetMergeCandidatesAsync(Guid id, string? q, CancellationToken ct)
        => new JsonResult((await moderation.MergeCandidatesAsync(id, q, ct)).Select(c => new { id = c.Id, title = c.Title }));

    public Task<IActionResult> OnPostHideAsync(Guid id, bool hidden, CancellationToken ct)
        => ActAsync(() => moderation.SetProposalHiddenAsync(Me, id, hidden, ct), hidden ? "Moderation.Hidden" : "Moderation.Unhidden");

    public Task<IActionResult> OnPostHideCommentAsync(Guid id, bool hidden, CancellationToken ct)
        => ActAsync(() => moderation.SetCommentHiddenAsync(Me, id, hidden, ct), hidden ? "Moderation.Hidden" : "Moderation.Unhidden");

    /// <summary>Blocks the author of a proposal or a comment: no more sign-in, and sessions end at the next security-stamp check (a minute).</summary>
    public async Task<IActionResult> OnPostBlockAsync(Guid? proposalId, Guid? commentId, CancellationToken ct)
    {
        var authorId = await moderation.AuthorOfAsync(proposalId, commentId, ct);
        if (authorId is null) return NotFound();
        var outcome = await blocking.SetBlockedAsync(Me, authorId, blocked: true, reason: null, spareAdministrators: true, ct);
        if (outcome == BlockOutcome.UnknownUser) return NotFound();
        if (outcome is BlockOutcome.CannotBlockSelf or BlockOutcome.CannotBlockAdministrator) return await FailAsync("Error.CannotBlock");
        Notice = text["Moderation.Blocked", await blocking.DisplayNameAsync(authorId) ?? ""];
        return RedirectToPage(RouteValues());
    }

    /// <summary>CSV or JSON of the proposals (drafts excluded) with public display names only.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, Guid? cycle, CancellationToken ct)
    {
        await moderation.RecordExportAsync(Me, cycle, format, ct);
        var rows = queries.ExportAsync(cycle, ct);
        if (format == "json")
        {
            Response.ContentType = "application/json; charset=utf-8";
            Response.Headers.ContentDisposition = "attachment; filename=\"proposals.json\"";
            await JsonSerializer.SerializeAsync(Response.Body, rows, JsonOptions, ct);
            return new EmptyResult();
        }
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"proposals.csv\"";
        await CsvTable.WriteAsync(Response.Body,
            ["id", "cycle_id", "title", "problem", "solution", "expected_impact", "axis", "region", "submitter_type", "author", "association", "status",
             "published_at", "supports", "comments"], rows,
            r => [r.Id, r.CycleId, r.Title, r.Problem, r.Solution, r.ExpectedImpact, r.Axis, r.Region, r.SubmitterType, r.Author, r.Association,
                r.Status, r.PublishedAt, r.SupportCount, r.CommentCount], ct);
        return new EmptyResult();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // Arabic and French stay readable in the file; the file is a download, never inlined in a page.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private string Me => users.GetUserId(User)!;

    private static string Limit(string s) => s.Length > 2000 ? s[..2000] : s;

    private async Task<IActionResult> ActAsync(Func<Task> action, string notice)
    {
        try
        {
            await action();
            Notice = text[notice];
        }
        // The decision is reported after the redirect (a notice), not on a form.
        catch (DomainException e) when (e.Kind == DomainErrorKind.Rule) { Problem = DomainErrorText.For(HttpContext, e); }
        return RedirectToPage(RouteValues());
    }

    private Task<IActionResult> FailAsync(string key)
    {
        Problem = text[key];
        return Task.FromResult<IActionResult>(RedirectToPage(RouteValues()));
    }

    private object RouteValues() => new { view = View, cycle = Cycle, axis = Axis, region = Region, type = Type };
}
