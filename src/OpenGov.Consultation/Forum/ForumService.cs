using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Associations;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Paging;
using OpenGov.SharedKernel.Search;

namespace OpenGov.Consultation.Forum;

/// <summary>
/// The civil-society forum. Anyone reads; only forum members (approved members of verified associations) post.
/// Thread lists page by (last activity, id), replies by their number, so long threads stay cheap.
/// </summary>
public sealed class ForumService(DbContext db, TimeProvider clock, IAuditLog audit, IOutbox outbox, AssociationMembership membership,
    CommunityThemes themes, ICommunityContacts contacts, IOptions<ConsultationOptions> options, ISearchIndex search)
{
    public const int ThreadPageSize = 20;
    public const int ReplyPageSize = 30;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<CategoryRow>> CategoriesAsync(bool includeHidden, CancellationToken ct = default)
    {
        var counts = await db.Set<ForumThread>().Where(t => includeHidden || !t.IsHidden).GroupBy(t => t.Category)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return (await themes.CurrentAsync(ct)).Select(t => new CategoryRow(t, counts.GetValueOrDefault(t.Code))).ToList();
    }

    public async Task<KeysetPage<ThreadRow>> ThreadsAsync(string? category, string? cursor, bool includeHidden, CancellationToken ct = default)
    {
        var q = db.Set<ForumThread>().AsQueryable();
        if (!includeHidden) q = q.Where(t => !t.IsHidden);
        if (!string.IsNullOrWhiteSpace(category)) q = q.Where(t => t.Category == category);
        if (KeysetCursor.TryDecode(cursor, out DateTime at, out Guid id))
            q = q.Where(t => t.LastActivityAt < at || (t.LastActivityAt == at && t.Id.CompareTo(id) < 0));
        var rows = await q.OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id).Take(ThreadPageSize + 1)
            .Select(t => new ThreadRow(t.Id, t.Category, t.Title, t.AuthorName, t.CreatedAt, t.LastActivityAt, t.ReplyCount, t.IsLocked, t.IsHidden))
            .ToListAsync(ct);
        var next = rows.Count > ThreadPageSize ? KeysetCursor.Encode(rows[ThreadPageSize - 1].LastActivityAt, rows[ThreadPageSize - 1].Id) : null;
        return new KeysetPage<ThreadRow>(rows.Take(ThreadPageSize).ToList(), next);
    }

    public Task<ThreadView?> ThreadAsync(Guid id, bool includeHidden, CancellationToken ct = default)
        => db.Set<ForumThread>().Where(t => t.Id == id && (includeHidden || !t.IsHidden))
            .Select(t => new ThreadView(t.Id, t.Category, t.Title, t.BodyMarkdown, t.AuthorUserId, t.AuthorName, t.CreatedAt, t.ReplyCount,
                t.ReportCount, t.IsLocked, t.IsHidden)).FirstOrDefaultAsync(ct);

    /// <summary>Replies after reply number <paramref name="after"/> (0 for the start).</summary>
    public async Task<KeysetPage<ReplyRow>> RepliesAsync(Guid threadId, int after, bool includeHidden, CancellationToken ct = default)
    {
        var rows = await db.Set<ForumReply>().Where(r => r.ThreadId == threadId && r.Number > after && (includeHidden || !r.IsHidden))
            .OrderBy(r => r.Number).Take(ReplyPageSize + 1)
            .Select(r => new ReplyRow(r.Id, r.Number, r.BodyMarkdown, r.AuthorName, r.CreatedAt, r.ReportCount, r.IsHidden)).ToListAsync(ct);
        var next = rows.Count > ReplyPageSize ? rows[ReplyPageSize - 1].Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new KeysetPage<ReplyRow>(rows.Take(ReplyPageSize).ToList(), next);
    }

    public Task<bool> IsSubscribedAsync(Guid threadId, string userId, CancellationToken ct = default)
        => db.Set<ForumSubscription>().AnyAsync(s => s.ThreadId == threadId && s.UserId == userId, ct);

    public async Task<Guid> StartThreadAsync(string userId, string category, string title, string bodyMarkdown, CancellationToken ct = default)
    {
        await RequireMemberAsync(userId, ct);
        if ((await themes.CurrentAsync(ct)).All(t => t.Code != category)) throw DomainException.Rule("UnknownCategory");
        var thread = new ForumThread(Guid.NewGuid(), category, title, bodyMarkdown, userId, await NameOfAsync(userId, ct), Now);
        db.Add(thread);
        db.Add(new ForumSubscription(thread.Id, userId, Now));
        await ForumIndexing.IndexAsync(db, search, thread, ct);
        await db.SaveChangesAsync(ct);
        return thread.Id;
    }

    /// <summary>Adds a reply, subscribes its author and enqueues a "forum.reply" e-mail to every other subscriber.</summary>
    public async Task<ReplyRow> ReplyAsync(string userId, Guid threadId, string bodyMarkdown, string threadUrl, CancellationToken ct = default)
    {
        await RequireMemberAsync(userId, ct);
        // Lock the thread row first (a no-op update), so parallel replies number and count one after the other on fresh values
        // instead of one failing on the LastReplyNumber concurrency token.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockThreadAsync(threadId, ct);
        var thread = await db.Set<ForumThread>().FirstOrDefaultAsync(t => t.Id == threadId, ct) ?? throw DomainException.NotFound("UnknownThread");
        var authorName = await NameOfAsync(userId, ct);
        var reply = thread.Reply(bodyMarkdown, userId, authorName, Now);
        db.Add(reply);
        if (!await IsSubscribedAsync(threadId, userId, ct)) db.Add(new ForumSubscription(threadId, userId, Now));
        var subscribers = await db.Set<ForumSubscription>().Where(s => s.ThreadId == threadId && s.UserId != userId).Select(s => s.UserId).ToListAsync(ct);
        var excerpt = reply.BodyMarkdown.Length > 500 ? reply.BodyMarkdown[..500] + "…" : reply.BodyMarkdown;
        foreach (var to in await contacts.FindAsync(subscribers, ct))
            outbox.Enqueue(CommunityMail.Compose("forum.reply", "forum.reply", to, $"forum.reply:{reply.Id}:{to.UserId}",
                thread.Title, $"{threadUrl}#reply-{reply.Number}", authorName, excerpt));
        await ForumIndexing.IndexAsync(db, search, thread, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ReplyRow(reply.Id, reply.Number, reply.BodyMarkdown, reply.AuthorName, reply.CreatedAt, 0, false);
    }

    public async Task SubscribeAsync(string userId, Guid threadId, bool subscribe, CancellationToken ct = default)
    {
        if (!await db.Set<ForumThread>().AnyAsync(t => t.Id == threadId && !t.IsHidden, ct)) throw DomainException.NotFound("UnknownThread");
        var existing = await db.Set<ForumSubscription>().FirstOrDefaultAsync(s => s.ThreadId == threadId && s.UserId == userId, ct);
        if (subscribe && existing is null) db.Add(new ForumSubscription(threadId, userId, Now));
        if (!subscribe && existing is not null) db.Remove(existing);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Anyone signed in may report, once per target. After enough distinct reports the content is hidden pending review.</summary>
    public async Task<bool> ReportAsync(string userId, ForumTarget target, Guid targetId, string? reason, CancellationToken ct = default)
    {
        if (await db.Set<ForumReport>().AnyAsync(r => r.TargetId == targetId && r.UserId == userId, ct)) return false;
        var threshold = options.Value.ReportsBeforeHiding;
        // Lock the reported row first (a no-op update), so parallel reports count one after the other on fresh values.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (target == ForumTarget.Thread)
            await LockThreadAsync(targetId, ct);
        else
            await db.Set<ForumReply>().Where(r => r.Id == targetId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportCount, r => r.ReportCount), ct);
        if (target == ForumTarget.Thread)
        {
            var thread = await db.Set<ForumThread>().FirstOrDefaultAsync(t => t.Id == targetId, ct) ?? throw DomainException.NotFound("UnknownThread");
            if (thread.RegisterReport(threshold))
            {
                audit.Record(null, "forum.auto-hidden", nameof(ForumThread), thread.Id.ToString(), $"reports={thread.ReportCount}");
                await ForumIndexing.IndexAsync(db, search, thread, ct);
            }
        }
        else
        {
            var reply = await db.Set<ForumReply>().FirstOrDefaultAsync(r => r.Id == targetId, ct) ?? throw DomainException.NotFound("UnknownReply");
            var thread = await db.Set<ForumThread>().FirstAsync(t => t.Id == reply.ThreadId, ct);
            if (reply.RegisterReport(thread, threshold))
            {
                audit.Record(null, "forum.auto-hidden", nameof(ForumReply), reply.Id.ToString(), $"reports={reply.ReportCount}");
                await ForumIndexing.IndexAsync(db, search, thread, ct);
            }
        }
        db.Add(new ForumReport(Guid.NewGuid(), target, targetId, userId, reason, Now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return false; // a parallel report by the same user: the unique index refused it, nothing is counted
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Moderation (the page checks the Moderator policy): hide or show a thread or a reply, lock or unlock a thread.</summary>
    public async Task<Guid> ModerateAsync(string moderatorId, ForumTarget target, Guid targetId, ForumModeration action, CancellationToken ct = default)
    {
        Guid threadId;
        if (target == ForumTarget.Thread)
        {
            var thread = await db.Set<ForumThread>().FirstOrDefaultAsync(t => t.Id == targetId, ct) ?? throw DomainException.NotFound("UnknownThread");
            switch (action)
            {
                case ForumModeration.Hide: thread.Hide(); break;
                case ForumModeration.Show: thread.Unhide(); break;
                case ForumModeration.Lock: thread.Lock(); break;
                case ForumModeration.Unlock: thread.Unlock(); break;
            }
            threadId = thread.Id;
            await ForumIndexing.IndexAsync(db, search, thread, ct);
        }
        else
        {
            var reply = await db.Set<ForumReply>().FirstOrDefaultAsync(r => r.Id == targetId, ct) ?? throw DomainException.NotFound("UnknownReply");
            var thread = await db.Set<ForumThread>().FirstAsync(t => t.Id == reply.ThreadId, ct);
            if (action == ForumModeration.Hide) reply.Hide(thread);
            else if (action == ForumModeration.Show) reply.Unhide(thread);
            else throw DomainException.Rule("ThreadsAreLocked");
            threadId = thread.Id;
            await ForumIndexing.IndexAsync(db, search, thread, ct);
        }
        audit.Record(moderatorId, "forum." + action.ToString().ToLowerInvariant(), target == ForumTarget.Thread ? nameof(ForumThread) : nameof(ForumReply), targetId.ToString());
        await db.SaveChangesAsync(ct);
        return threadId;
    }

    private async Task RequireMemberAsync(string userId, CancellationToken ct)
    {
        if (!await membership.IsForumMemberAsync(userId, ct))
            throw DomainException.Forbidden("MembersVerifiedAssociationsPostForum");
    }

    private async Task<string> NameOfAsync(string userId, CancellationToken ct)
        => await contacts.FindAsync([userId], ct) is [var me, ..] ? me.DisplayName : "?";

    /// <summary>Takes the thread's row lock inside the caller's transaction (a no-op update), so that changes to it run one after the other.</summary>
    private Task<int> LockThreadAsync(Guid threadId, CancellationToken ct)
        => db.Set<ForumThread>().Where(t => t.Id == threadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ReportCount, t => t.ReportCount), ct);
}
