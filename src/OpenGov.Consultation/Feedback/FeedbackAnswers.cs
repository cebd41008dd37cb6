using OpenGov.SharedKernel.Errors;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Paging;
using OpenGov.SharedKernel.Links;

namespace OpenGov.Consultation.Feedback;

/// <summary>
/// Reasoned responses to the ideas of a cycle: drafting, publishing one by one or in a batch, answering a filtered selection
/// with a template, and the lists (moderation and public) with keyset pagination.
/// </summary>
public sealed class FeedbackAnswers(DbContext db, IOutbox outbox, IAuditLog audit, TimeProvider clock, SiteLinks links)
{
    public const string PublishedCategory = "feedback.published";
    public const string PublishedTemplate = "FeedbackText:Mail.ResponsePublished";
    public const int PageSize = 25;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The ideas that are owed an answer: published and visible.</summary>
    private IQueryable<Proposal> Ideas(Guid cycleId)
        => db.Set<Proposal>().WherePublic().Where(p => p.CycleId == cycleId);

    public async Task<FeedbackCoverageResult> CoverageAsync(Guid cycleId, CancellationToken ct = default)
    {
        var ideas = Ideas(cycleId);
        var total = await ideas.CountAsync(ct);
        var answered = await db.Set<ProposalResponse>().Where(r => r.CycleId == cycleId && r.IsPublished)
            .Join(ideas, r => r.ProposalId, p => p.Id, (r, p) => r.Id).CountAsync(ct);
        return new FeedbackCoverageResult(answered, total);
    }

    /// <summary>A page of ideas with their answers. Public lists pass <paramref name="publicOnly"/>: drafts are never shown.</summary>
    public async Task<KeysetPage<FeedbackRow>> ListAsync(Guid cycleId, FeedbackFilter filter, string? cursor, bool publicOnly, CancellationToken ct = default)
    {
        var query = Rows(cycleId, filter, publicOnly);
        if (KeysetCursor.TryDecode(cursor, out var at, out var id))
            query = query.Where(x => x.P.PublishedAt < at || (x.P.PublishedAt == at && x.P.Id.CompareTo(id) < 0));
        var rows = await Project(query.OrderByDescending(x => x.P.PublishedAt).ThenByDescending(x => x.P.Id).Take(PageSize + 1)).ToListAsync(ct);
        string? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            next = KeysetCursor.Encode(rows[^1].PublishedAt, rows[^1].ProposalId);
        }
        return new KeysetPage<FeedbackRow>(rows, next);
    }

    /// <summary>An idea and its answer, if any; filters and orderings apply here, before the projection into rows.</summary>
    private sealed class Joined
    {
        public Proposal P { get; init; } = null!;
        public ProposalResponse? R { get; init; }
    }

    private IQueryable<Joined> Rows(Guid cycleId, FeedbackFilter filter, bool publicOnly)
    {
        var ideas = Ideas(cycleId);
        if (filter.AxisId is { } axis) ideas = ideas.Where(p => p.AxisId == axis);
        if (!string.IsNullOrEmpty(filter.Region)) ideas = ideas.Where(p => p.Region == filter.Region);
        var responses = db.Set<ProposalResponse>().Where(r => !publicOnly || r.IsPublished);
        var rows = from p in ideas
                   join r in responses on p.Id equals r.ProposalId into rs
                   from r in rs.DefaultIfEmpty()
                   select new Joined { P = p, R = r };
        return filter.Answer switch
        {
            "unanswered" => rows.Where(x => x.R == null),
            "draft" => rows.Where(x => x.R != null && !x.R.IsPublished),
            "published" => rows.Where(x => x.R != null && x.R.IsPublished),
            { } s when Enum.TryParse<ResponseState>(s, out var state) => rows.Where(x => x.R != null && x.R.State == state),
            _ => rows,
        };
    }

    private static IQueryable<FeedbackRow> Project(IQueryable<Joined> rows) => rows.Select(x => new FeedbackRow(
        x.P.Id, x.P.Title, x.P.AuthorDisplayName, x.P.SubmitterType, x.P.AxisId, x.P.Region, x.P.PublishedAt ?? x.P.CreatedAt,
        x.R == null ? null : x.R.Id, x.R == null ? null : x.R.State, x.R == null ? null : x.R.SheetId,
        x.R == null ? null : x.R.JustificationMarkdown, x.R != null && x.R.IsPublished, x.R == null ? null : x.R.PublishedAt));

    public Task<FeedbackRow?> RowAsync(Guid cycleId, Guid proposalId, CancellationToken ct = default)
        => Project(Rows(cycleId, new FeedbackFilter(), publicOnly: false).Where(x => x.P.Id == proposalId)).FirstOrDefaultAsync(ct);

    /// <summary>Saves a draft answer (or corrects a published one). Throws for an unknown idea or invalid input.</summary>
    public async Task SaveAsync(Guid cycleId, Guid proposalId, AnswerInput input, string userId, CancellationToken ct = default)
    {
        if (!await Ideas(cycleId).AnyAsync(p => p.Id == proposalId, ct))
            throw DomainException.Rule("PublishedIdeaCycleAnswered");
        var response = await db.Set<ProposalResponse>().FirstOrDefaultAsync(r => r.ProposalId == proposalId, ct);
        if (response is null)
            db.Add(new ProposalResponse(proposalId, cycleId, input.State, input.SheetId, input.Justification, userId, Now, input.TemplateId));
        else
        {
            response.Revise(input.State, input.SheetId, input.Justification, userId, Now, input.TemplateId);
            if (response.IsPublished) audit.Record(userId, "feedback.revised", "Proposal", proposalId.ToString(), input.State.ToString());
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Applies a template to every unanswered idea matching <paramref name="filter"/>, as drafts to review before publishing.
    /// Returns how many drafts were written.
    /// </summary>
    public async Task<int> ApplyTemplateAsync(Guid cycleId, Guid templateId, FeedbackFilter filter, string userId, CancellationToken ct = default)
    {
        var template = await db.Set<AnswerTemplate>().FirstOrDefaultAsync(t => t.Id == templateId && t.CycleId == cycleId, ct)
            ?? throw DomainException.Rule("UnknownAnswerTemplate");
        var ids = await Rows(cycleId, filter with { Answer = "unanswered" }, publicOnly: false).Select(x => x.P.Id).ToListAsync(ct);
        foreach (var id in ids)
            db.Add(new ProposalResponse(id, cycleId, template.State, null, template.JustificationMarkdown, userId, Now, template.Id));
        if (ids.Count > 0) audit.Record(userId, "feedback.template-applied", "Cycle", cycleId.ToString(), $"{template.Name}: {ids.Count}");
        await db.SaveChangesAsync(ct);
        return ids.Count;
    }

    /// <summary>
    /// Publishes the given drafts: each author is notified (in the same transaction) and each publication audit-logged.
    /// Already published answers are skipped. Returns how many were published.
    /// </summary>
    public async Task<int> PublishAsync(Guid cycleId, IReadOnlyCollection<Guid> proposalIds, string userId, CancellationToken ct = default)
    {
        if (proposalIds.Count == 0) return 0;
        var items = await (from r in db.Set<ProposalResponse>()
                           join p in Ideas(cycleId) on r.ProposalId equals p.Id
                           where proposalIds.Contains(r.ProposalId) && !r.IsPublished
                           select new { Response = r, p.Title, p.AuthorUserId }).ToListAsync(ct);
        var now = Now;
        foreach (var item in items)
        {
            if (!item.Response.Publish(userId, now)) continue;
            audit.Record(userId, "feedback.published", "Proposal", item.Response.ProposalId.ToString(), item.Response.State.ToString());
            outbox.Enqueue(OutgoingMail.FromTemplate(PublishedCategory, item.AuthorUserId, PublishedTemplate,
                new Dictionary<string, string>
                {
                    ["title"] = item.Title,
                    ["state"] = item.Response.State.ToString(),
                    ["url"] = links.To($"/cycles/{cycleId}/feedback#p-{item.Response.ProposalId}"),
                },
                dedupKey: $"feedback.published:{item.Response.ProposalId}"));
        }
        await db.SaveChangesAsync(ct);
        return items.Count;
    }

    /// <summary>Publishes every draft of the cycle matching the filter.</summary>
    public async Task<int> PublishAllDraftsAsync(Guid cycleId, FeedbackFilter filter, string userId, CancellationToken ct = default)
    {
        var ids = await Rows(cycleId, filter with { Answer = "draft" }, publicOnly: false).Select(x => x.P.Id).ToListAsync(ct);
        return await PublishAsync(cycleId, ids, userId, ct);
    }
}
