using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Events;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Paging;
using OpenGov.SharedKernel.Search;

namespace OpenGov.Consultation.Content;

public sealed record ContentView(Guid Id, ContentKind Kind, string Slug, string Title, string BodyMarkdown, bool Translated,
    DateTime? PublishedAt, DateTime UpdatedAt)
{
    /// <summary>Every language of the title and body (the open data returns them all).</summary>
    public SharedKernel.Text.LocalizedText Titles { get; init; } = new(Title);
    public SharedKernel.Text.LocalizedText Bodies { get; init; } = new(BodyMarkdown);
}

public sealed record ContentRow(Guid Id, ContentKind Kind, string Slug, string TitleFr, bool HasArabic, bool HasEnglish, bool IsPublished,
    DateTime? PublishedAt, DateTime UpdatedAt);

public sealed record ContentEdit(Guid Id, ContentKind Kind, string Slug, string TitleFr, string BodyFr, string? TitleAr, string? BodyAr,
    string? TitleEn, string? BodyEn, bool IsPublished);

/// <summary>Public reading of news and pages, in the visitor's language.</summary>
public sealed class ContentCatalogue(DbContext db)
{
    public async Task<ContentView?> PublishedAsync(ContentKind kind, string slug, string culture, CancellationToken ct = default)
    {
        var row = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.Kind == kind && c.Slug == slug && c.IsPublished).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var (text, translated) = row.In(culture);
        return new ContentView(row.Id, row.Kind, row.Slug, text.Title, text.BodyMarkdown, translated, row.PublishedAt, row.UpdatedAt);
    }

    /// <summary>Published news, newest first, keyset-paged.</summary>
    public async Task<KeysetPage<ContentView>> NewsAsync(string culture, string? cursor, int limit, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, 100);
        var q = db.Set<ContentItem>().AsNoTracking().Where(c => c.Kind == ContentKind.News && c.IsPublished && c.PublishedAt != null);
        if (KeysetCursor.TryDecode(cursor, out var at, out var id))
            q = q.Where(c => c.PublishedAt < at || (c.PublishedAt == at && c.Id.CompareTo(id) < 0));
        var rows = await q.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Slug, c.TitleFr, c.BodyFr, c.TitleAr, c.BodyAr, c.TitleEn, c.BodyEn, c.PublishedAt, c.UpdatedAt })
            .Take(limit + 1).ToListAsync(ct);
        var items = rows.Take(limit).Select(r =>
        {
            var (text, translated) = ContentItem.Localize(culture, r.TitleFr, r.BodyFr, r.TitleAr, r.BodyAr, r.TitleEn, r.BodyEn);
            return new ContentView(r.Id, ContentKind.News, r.Slug, text.Title, text.BodyMarkdown, translated, r.PublishedAt, r.UpdatedAt)
            {
                Titles = new(r.TitleFr, r.TitleAr, r.TitleEn),
                // A body belongs to its translation: without a translated title, the language has no body either.
                Bodies = new(r.BodyFr, r.TitleAr is null ? null : r.BodyAr, r.TitleEn is null ? null : r.BodyEn),
            };
        }).ToList();
        var next = rows.Count > limit ? KeysetCursor.Encode(rows[limit - 1].PublishedAt!.Value, rows[limit - 1].Id) : null;
        return new KeysetPage<ContentView>(items, next);
    }
}

/// <summary>Administrators write, publish and unpublish news and pages; every change is audited, published items are indexed.</summary>
public sealed class ContentEditing(DbContext db, ISearchIndex search, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ContentRow>> AllAsync(CancellationToken ct = default)
        => await db.Set<ContentItem>().AsNoTracking().OrderBy(c => c.Kind).ThenByDescending(c => c.UpdatedAt)
            .Select(c => new ContentRow(c.Id, c.Kind, c.Slug, c.TitleFr, c.TitleAr != null, c.TitleEn != null, c.IsPublished, c.PublishedAt, c.UpdatedAt))
            .Take(1000).ToListAsync(ct);

    public Task<ContentEdit?> ForEditAsync(Guid id, CancellationToken ct = default)
        => db.Set<ContentItem>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ContentEdit(c.Id, c.Kind, c.Slug, c.TitleFr, c.BodyFr, c.TitleAr, c.BodyAr, c.TitleEn, c.BodyEn, c.IsPublished))
            .FirstOrDefaultAsync(ct);

    /// <summary>Creates (id null) or updates an item, then publishes or unpublishes it.</summary>
    public async Task<Guid> SaveAsync(Guid? id, ContentKind kind, string slug, LocalizedText french, LocalizedText? arabic, LocalizedText? english,
        bool publish, string actorUserId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalizedSlug = (slug ?? "").Trim().ToLowerInvariant();
        ContentItem item;
        if (id is null)
        {
            item = new ContentItem(Guid.NewGuid(), kind, normalizedSlug, french, now);
            db.Add(item);
        }
        else
        {
            item = await db.Set<ContentItem>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound("UnknownContent");
        }
        if (await db.Set<ContentItem>().AnyAsync(c => c.Kind == item.Kind && c.Slug == normalizedSlug && c.Id != item.Id, ct))
            throw DomainException.Rule("AnotherItemAlreadyUsesAddress");
        item.Edit(normalizedSlug, french, arabic, english, actorUserId, now);
        if (publish) item.Publish(now); else item.Unpublish(now);
        await IndexAsync(item, ct);
        audit.Record(actorUserId, id is null ? "content.created" : "content.updated", "content", item.Id.ToString(),
            $"{item.Kind}:{item.Slug} published={item.IsPublished}");
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    internal Task IndexAsync(ContentItem item, CancellationToken ct)
    {
        var kind = item.Kind == ContentKind.News ? SearchKinds.News : SearchKinds.Page;
        if (!item.IsPublished) return search.RemoveAsync(kind, item.Id.ToString(), ct);
        // One document per item with every language, so French, Arabic and English words all find it.
        var body = string.Join("\n", new[] { item.BodyFr, item.TitleAr, item.BodyAr, item.TitleEn, item.BodyEn }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => OpenGov.SharedKernel.Text.UserText.MarkdownToPlainText(s!)));
        var url = item.Kind == ContentKind.News ? $"/news/{item.Slug}" : $"/pages/{item.Slug}";
        return search.UpsertAsync(kind, item.Id.ToString(), item.TitleFr, body, url, ct);
    }
}
