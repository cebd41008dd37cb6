using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Follows;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Search;

namespace OpenGov.Consultation.Sheets;

public sealed class SheetsOptions
{
    /// <summary>Absolute site base for links in notifications (set by the host from Site:PublicBaseUrl).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
    /// <summary>Default consultation length when the cycle has no public-consultation phase ahead.</summary>
    public int DefaultConsultationDays { get; set; } = 30;
}

public sealed record AgencyRef(Guid Id, string Name, string? Acronym);

/// <summary>Who may write a sheet: the editors linked to its lead agency (see <see cref="AgencyEditor"/>). Checked by every use case.</summary>
public sealed class SheetAccess(DbContext db)
{
    public async Task<IReadOnlyList<AgencyRef>> AgenciesOfAsync(string userId, CancellationToken ct = default)
        => await db.Set<Agency>().Where(a => db.Set<AgencyEditor>().Any(e => e.AgencyId == a.Id && e.UserId == userId))
            .OrderBy(a => a.Name).Select(a => new AgencyRef(a.Id, a.Name, a.Acronym)).ToListAsync(ct);

    public Task<bool> IsEditorOfAgencyAsync(string? userId, Guid agencyId, CancellationToken ct = default)
        => userId is null ? Task.FromResult(false) : db.Set<AgencyEditor>().AnyAsync(e => e.AgencyId == agencyId && e.UserId == userId, ct);

    public async Task<Sheet> SheetForEditorAsync(string userId, Guid sheetId, CancellationToken ct = default)
    {
        var sheet = await db.Set<Sheet>().FirstOrDefaultAsync(s => s.Id == sheetId, ct) ?? throw new KeyNotFoundException("Unknown sheet.");
        if (!await IsEditorOfAgencyAsync(userId, sheet.AgencyId, ct))
            throw new UnauthorizedAccessException("Only the editors of the lead agency can change this sheet.");
        return sheet;
    }
}

public sealed record CommentDecision(Guid CommentId, CommentHandling Handling, string? Reason);

/// <summary>The lead agency's use cases: create, save drafts, publish versions (recording how comments were handled), reply.</summary>
public sealed class SheetEditing(DbContext db, SheetAccess access, TimeProvider clock, IAuditLog audit, IOutbox outbox,
    ISearchIndex search, IOptions<SheetsOptions> options)
{
    public async Task<Guid> CreateAsync(string userId, Guid agencyId, Guid cycleId, SheetContent content, CancellationToken ct = default)
    {
        if (!await access.IsEditorOfAgencyAsync(userId, agencyId, ct))
            throw new UnauthorizedAccessException("You are not an editor of this agency.");
        if (!await db.Set<Cycle>().AnyAsync(c => c.Id == cycleId, ct)) throw new ArgumentException("Unknown cycle.", nameof(cycleId));
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
            if (opensAt is null || closesAt is null) throw new ArgumentException("Set when the consultation opens and closes.", nameof(opensAt));
            sheet.ScheduleConsultation(opensAt.Value, closesAt.Value, now);
        }
        var open = await db.Set<SheetComment>().Where(c => c.SheetId == sheetId && c.Handling == CommentHandling.Open).ToListAsync(ct);
        var missing = open.Where(c => decisions.All(d => d.CommentId != c.Id || d.Handling == CommentHandling.Open)).ToList();
        if (missing.Count > 0) throw new ArgumentException("Record how each open comment was handled.", nameof(decisions));
        var version = sheet.Publish(userId, userName, changeNote, now);
        foreach (var c in open)
        {
            var d = decisions.First(x => x.CommentId == c.Id);
            c.RecordHandling(d.Handling, d.Reason, version.Number);
        }
        db.Add(version);
        var content = sheet.Content;
        await search.UpsertAsync(SearchKinds.Sheet, sheet.Id.ToString(), content.Title,
            string.Join("\n", content.Problem, content.StatusQuo, content.Commitment, content.HowItSolves,
                string.Join("\n", content.Activities.Select(a => a.Deliverable))), $"/sheets/{sheet.Id}", ct);
        audit.Record(userId, "sheet.published", "sheet", sheet.Id.ToString(), $"v{version.Number}: {changeNote}");
        if (version.Number > 1)
        {
            var followers = await db.Set<Follow>().Where(f => f.Target == FollowTarget.Sheet && f.TargetId == sheetId).Select(f => f.UserId).ToListAsync(ct);
            foreach (var follower in followers)
                outbox.Enqueue(OutgoingMail.FromTemplate("sheet.revised", follower, "SheetsText:Mail.Revised", Values(sheet, ("version", version.Number.ToString()))));
        }
        await db.SaveChangesAsync(ct);
        return version.Number;
    }

    /// <summary>The lead agency's official reply; the commenter is notified.</summary>
    public async Task ReplyAsync(string userId, Guid sheetId, Guid commentId, string reply, CancellationToken ct = default)
    {
        var sheet = await access.SheetForEditorAsync(userId, sheetId, ct);
        var comment = await db.Set<SheetComment>().FirstOrDefaultAsync(c => c.Id == commentId && c.SheetId == sheetId, ct)
            ?? throw new KeyNotFoundException("Unknown comment.");
        comment.AddReply(reply, userId, Now);
        outbox.Enqueue(OutgoingMail.FromTemplate("comment.reply", comment.AuthorUserId, "SheetsText:Mail.Reply",
            Values(sheet, ("reply", comment.Reply!)), $"sheet-reply:{comment.Id}:{Now.Ticks}"));
        audit.Record(userId, "sheet.comment-replied", "sheet-comment", comment.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    internal Dictionary<string, string> Values(Sheet sheet, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string>
        {
            ["title"] = sheet.PublishedTitle ?? sheet.Title,
            ["url"] = options.Value.PublicBaseUrl.TrimEnd('/') + $"/sheets/{sheet.Id}",
        };
        foreach (var (k, v) in extra) values[k] = v;
        return values;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Public consultation: comments anchored to a section, as oneself or on behalf of an association.</summary>
public sealed class SheetCommenting(DbContext db, AssociationMembership memberships, TimeProvider clock)
{
    public async Task<Guid> CommentAsync(string userId, string userName, Guid sheetId, string sectionKey, string body, Guid? associationId,
        CancellationToken ct = default)
    {
        var sheet = await db.Set<Sheet>().FirstOrDefaultAsync(s => s.Id == sheetId, ct) ?? throw new KeyNotFoundException("Unknown sheet.");
        var now = clock.GetUtcNow().UtcDateTime;
        sheet.EnsureOpenForComments(now);
        var published = await db.Set<SheetVersion>().Where(v => v.SheetId == sheetId && v.Number == sheet.CurrentVersion)
            .Select(v => v.ContentJson).FirstAsync(ct);
        if (!SheetSections.IsValid(sectionKey, SheetContent.FromJson(published)))
            throw new ArgumentException("Unknown section.", nameof(sectionKey));
        string? associationName = null;
        if (associationId is { } aid)
        {
            if (!await memberships.CanActForAsync(userId, aid, ct))
                throw new UnauthorizedAccessException("Only approved members of a verified association may comment on its behalf.");
            associationName = await db.Set<Association>().Where(a => a.Id == aid).Select(a => a.Name).FirstAsync(ct);
        }
        var comment = new SheetComment(Guid.NewGuid(), sheetId, sectionKey, sheet.CurrentVersion, userId, userName, associationId, associationName, body, now);
        db.Add(comment);
        sheet.CommentAdded();
        await db.SaveChangesAsync(ct);
        return comment.Id;
    }
}

/// <summary>Administrators' consultation actions.</summary>
public sealed class SheetAdministration(DbContext db, TimeProvider clock, IAuditLog audit, IOutbox outbox, SheetEditing editing)
{
    public async Task ExtendAsync(string adminUserId, Guid sheetId, DateTime newClose, string reason, CancellationToken ct = default)
    {
        var sheet = await db.Set<Sheet>().Include(s => s.Extensions).FirstOrDefaultAsync(s => s.Id == sheetId, ct)
            ?? throw new KeyNotFoundException("Unknown sheet.");
        var now = clock.GetUtcNow().UtcDateTime;
        var extension = sheet.ExtendConsultation(newClose, reason, adminUserId, now);
        db.Add(extension);
        audit.Record(adminUserId, "sheet.consultation-extended", "sheet", sheet.Id.ToString(),
            $"{extension.PreviousClose:O} → {extension.NewClose:O}: {extension.Reason}");
        var followers = await db.Set<Follow>().Where(f => f.Target == FollowTarget.Sheet && f.TargetId == sheetId).Select(f => f.UserId).ToListAsync(ct);
        foreach (var follower in followers)
            outbox.Enqueue(OutgoingMail.FromTemplate("sheet.consultation.extended", follower, "SheetsText:Mail.Extended",
                editing.Values(sheet, ("closes", newClose.ToString("yyyy-MM-dd HH:mm 'UTC'")), ("reason", extension.Reason)),
                $"sheet-extended:{sheet.Id:N}:{follower}:{newClose.Ticks}"));
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> CreateAgencyAsync(string adminUserId, string name, string? acronym, CancellationToken ct = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (await db.Set<Agency>().AnyAsync(a => a.Name == trimmed, ct)) throw new InvalidOperationException("This agency already exists.");
        var agency = new Agency(Guid.NewGuid(), trimmed, acronym);
        db.Add(agency);
        audit.Record(adminUserId, "agency.created", "agency", agency.Id.ToString(), agency.Name);
        await db.SaveChangesAsync(ct);
        return agency.Id;
    }

    public async Task LinkEditorAsync(string adminUserId, Guid agencyId, string editorUserId, CancellationToken ct = default)
    {
        if (!await db.Set<Agency>().AnyAsync(a => a.Id == agencyId, ct)) throw new KeyNotFoundException("Unknown agency.");
        if (await db.Set<AgencyEditor>().AnyAsync(e => e.AgencyId == agencyId && e.UserId == editorUserId, ct)) return;
        db.Add(new AgencyEditor(agencyId, editorUserId, clock.GetUtcNow().UtcDateTime));
        audit.Record(adminUserId, "agency.editor-linked", "agency", agencyId.ToString(), editorUserId);
        await db.SaveChangesAsync(ct);
    }

    public async Task UnlinkEditorAsync(string adminUserId, Guid agencyId, string editorUserId, CancellationToken ct = default)
    {
        var links = await db.Set<AgencyEditor>().Where(e => e.AgencyId == agencyId && e.UserId == editorUserId).ToListAsync(ct);
        db.RemoveRange(links);
        audit.Record(adminUserId, "agency.editor-unlinked", "agency", agencyId.ToString(), editorUserId);
        await db.SaveChangesAsync(ct);
    }
}
