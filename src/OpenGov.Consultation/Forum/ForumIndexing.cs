using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Search;

namespace OpenGov.Consultation.Forum;

internal static class ForumIndexing
{
    private const int MaxReplies = 200;

    /// <summary>Indexes a visible thread with its visible replies (the first <see cref="MaxReplies"/>) in the caller's unit of
    /// work, or removes a hidden one. Replies added or moderated in this unit of work are taken from the change tracker.</summary>
    public static async Task IndexAsync(DbContext db, ISearchIndex search, ForumThread thread, CancellationToken ct)
    {
        if (thread.IsHidden)
        {
            await search.RemoveAsync(SearchKinds.ForumThread, thread.Id.ToString(), ct);
            return;
        }
        var replies = await db.Set<ForumReply>().AsNoTracking().Where(r => r.ThreadId == thread.Id && !r.IsHidden)
            .OrderBy(r => r.Number).Take(MaxReplies).Select(r => new { r.Number, r.BodyMarkdown }).ToDictionaryAsync(r => r.Number, r => r.BodyMarkdown, ct);
        foreach (var r in db.Set<ForumReply>().Local.Where(r => r.ThreadId == thread.Id))
        {
            if (r.IsHidden) replies.Remove(r.Number);
            else replies[r.Number] = r.BodyMarkdown;
        }
        var body = string.Join("\n", replies.OrderBy(r => r.Key).Select(r => r.Value).Prepend(thread.BodyMarkdown)
            .Select(m => OpenGov.SharedKernel.Text.UserText.MarkdownToPlainText(m)));
        await search.UpsertAsync(SearchKinds.ForumThread, thread.Id.ToString(), thread.Title, body, $"/forum/threads/{thread.Id}", ct);
    }
}
