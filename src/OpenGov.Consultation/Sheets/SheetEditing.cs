using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Follows;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Search;
using OpenGov.SharedKernel.Links;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.Sheets;

/// <summary>The lead agency's use cases: create, save drafts, publish versions (recording how comments were handled), reply.</summary>
public sealed class SheetEditing(DbContext db, SheetAccess access, TimeProvider clock, IAuditLog audit, IOutbox outbox,
    ISearchIndex search, IOptions<SheetsOptions> options, SiteLinks links)
{
    public async Task<Guid> CreateAsync(string userId, Guid agencyId, Guid cycleId, SheetContent content, CancellationToken ct = default)
    {
        if (!await access.IsEditorOfAgencyAsync(userId, agencyId, ct))
            throw DomainException.Forbidden("YouAreNotEditorAgency");
        if (!await db.Set<Cycle>().AnyAsync(c => c.Id == cycleId, ct)) throw DomainException.Rule("UnknownCycle");
        var sheet = new Sheet(Guid.NewGuid(), cycleId, agencyId, content, userId, Now);
        db.Add(sheet);
        audit.Record(userId, "sheet.created", "sheet", sheet.Id.ToString(), sheet.Title);
        await db.SaveChangesAsync(ct);
        return sheet.Id;
    }

    public async Task SaveDraftAsync(string userId, Guid sheetId, SheetContent content, CancellationToken ct = default)
    {
        var sheet = await access.SheetForEditorAsync(userId, sheetId, ct);
        // Removing an activity keeps its comments: they stay in the trail under the version that had it.
        sheet.EditDraft(content, Now);
        audit.Record(userId, "sheet.draft-saved", "sheet", sheet.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The consultation window proposed when publishing for the first time: the cycle's public-consultation phase
    /// if it is still ahead, otherwise from now for the default length.</summary>
    public async Task<(DateTime Opens, DateTime Closes)> DefaultWindowAsync(Guid cycleId, CancellationToken ct = default)
    {
        var now = Now;
        var phase = await db.Set<CyclePhase>().Where(p => p.CycleId == cycleId && p.Kind == PhaseKind.PublicConsultation)
            .Select(p => new { p.StartsAt, p.EndsAt }).FirstOrDefaultAsync(ct);
        if (phase is not null && phase.EndsAt > now) return (phase.StartsAt < now ? now : phase.StartsAt, phase.EndsAt);
        var opens = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
        return (opens, opens.AddDays(options.Value.DefaultConsultationDays));
    }

    /// <summary>
    /// Publishes the draft as the next version. A revision records how every open comment was handled
    /// (integrated, partly integrated, or not integrated with a reason); the first publication sets the consultation window.
    /// </summary>
    public async Task<int> PublishAsync(string userId, string userName, Guid sheetId, string? changeNote, DateTime? opensAt, DateTime? closesAt,
        IReadOnlyList<CommentDecision> decisions, CancellationToken ct = default)
    {
        var sheet = await access.SheetForEditorAsync(userId, sheetId, ct);
        var now = Now;
        if (!sheet.IsPublished)
        {
            if (opensAt is null || closesAt is null) throw DomainException.Rule("SetWhenConsultationOpensCloses");
            sheet.ScheduleConsultation(opensAt.Value, closesAt.Value, now);
        }
        // Comments are about the French original: a revision that only translates it leaves them open for the next one.
        var translationOnly = sheet.IsPublished && SheetContent.FromJson(await db.Set<SheetVersion>()
            .Where(v => v.SheetId == sheetId && v.Number == sheet.CurrentVersion).Select(v => v.ContentJson).FirstAsync(ct)).SameOriginalAs(sheet.Content);
        var open = await db.Set<SheetComment>().Where(c => c.SheetId == sheetId && c.Handling == CommentHandling.Open).ToListAsync(ct);
        if (translationOnly) open = open.Where(c => decisions.Any(d => d.CommentId == c.Id && d.Handling != CommentHandling.Open)).ToList();
        var missing = open.Where(c => decisions.All(d => d.CommentId != c.Id || d.Handling == CommentHandling.Open)).ToList();
        if (missing.Count > 0) throw DomainException.Rule("RecordHowEachOpenCommentWasHandled");
        var version = sheet.Publish(userId, userName, changeNote, now);
        var title = sheet.Content.TitleText;
        foreach (var c in open)
        {
            var d = decisions.First(x => x.CommentId == c.Id);
            c.RecordHandling(d.Handling, d.Reason, version.Number);
            // The commenter learns how their comment was handled (one template per outcome, in their language).
            var template = c.Handling switch
            {
                CommentHandling.Integrated => "SheetsText:Mail.Handled.Integrated",
                CommentHandling.PartlyIntegrated => "SheetsText:Mail.Handled.PartlyIntegrated",
                _ => "SheetsText:Mail.Handled.NotIntegrated",
            };
            outbox.Enqueue(OutgoingMail.FromTemplate("sheet.comment.handled", c.AuthorUserId, template,
                Values(sheet, title, ("version", version.Number.ToString()), ("reason", c.HandlingReason ?? ""),
                    ("url", links.To($"/sheets/{sheet.Id}#c-{c.Id}"))),
                $"sheet-handled:{c.Id:N}:{version.Number}"));
        }
        db.Add(version);
        await IndexAsync(search, sheet.Id, sheet.Content, ct);
        audit.Record(userId, "sheet.published", "sheet", sheet.Id.ToString(), $"v{version.Number}: {changeNote}");
        if (version.Number > 1)
        {
            var followers = await db.Set<Follow>().Where(f => f.Target == FollowTarget.Sheet && f.TargetId == sheetId).Select(f => f.UserId).ToListAsync(ct);
            foreach (var follower in followers)
                outbox.Enqueue(OutgoingMail.FromTemplate("sheet.revised", follower, "SheetsText:Mail.Revised", Values(sheet, title, ("version", version.Number.ToString()))));
        }
        await db.SaveChangesAsync(ct);
        return version.Number;
    }

    /// <summary>The lead agency's official reply; the commenter is notified.</summary>
    public async Task ReplyAsync(string userId, Guid sheetId, Guid commentId, string reply, CancellationToken ct = default)
    {
        var sheet = await access.SheetForEditorAsync(userId, sheetId, ct);
        var comment = await db.Set<SheetComment>().FirstOrDefaultAsync(c => c.Id == commentId && c.SheetId == sheetId, ct)
            ?? throw DomainException.NotFound("UnknownComment");
        comment.AddReply(reply, userId, Now);
        outbox.Enqueue(OutgoingMail.FromTemplate("comment.reply", comment.AuthorUserId, "SheetsText:Mail.Reply",
            Values(sheet, await PublishedTitleAsync(sheet, ct), ("reply", comment.Reply!)), $"sheet-reply:{comment.Id}:{Now.Ticks}"));
        audit.Record(userId, "sheet.comment-replied", "sheet-comment", comment.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The search entry of a published sheet: its French title, and every language of its texts in the body,
    /// so a search in Arabic or English finds it too.</summary>
    internal static Task IndexAsync(ISearchIndex search, Guid sheetId, SheetContent content, CancellationToken ct)
    {
        var keys = new[] { SheetSections.Problem, SheetSections.StatusQuo, SheetSections.Commitment, SheetSections.HowItSolves };
        var title = content.TitleText;
        var body = new[] { title.Ar, title.En }.Concat(keys.Select(k => content.Text(k).AllLanguages))
            .Concat(content.Activities.Select(a => content.ActivityText(a).AllLanguages));
        return search.UpsertAsync(SearchKinds.Sheet, sheetId.ToString(), content.Title,
            string.Join("\n", body.Where(t => !string.IsNullOrEmpty(t))), $"/sheets/{sheetId}", ct);
    }

    /// <summary>A mail's values naming a sheet: its <paramref name="title"/> in every language, so the mail shows it in the
    /// recipient's language (French when untranslated); <see cref="PublishedTitleAsync"/> reads the public one.</summary>
    internal Dictionary<string, string> Values(Sheet sheet, LocalizedText title, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string>
        {
            ["title"] = MailValue.Text(title),
            ["url"] = links.To($"/sheets/{sheet.Id}"),
        };
        foreach (var (k, v) in extra) values[k] = v;
        return values;
    }

    /// <summary>The title the public reads: the current published version's, in fr/ar/en (the draft's before any).</summary>
    internal async Task<LocalizedText> PublishedTitleAsync(Sheet sheet, CancellationToken ct)
        => (await SheetTitles.PublishedAsync(db, [sheet.Id], ct)).GetValueOrDefault(sheet.Id) ?? sheet.Content.TitleText;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
