using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;

namespace OpenGov.Consultation.Content;

public enum ContentKind { News = 0, Page = 1 }

/// <summary>The text of a content item in one language.</summary>
public sealed record LocalizedText(string Title, string BodyMarkdown)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(BodyMarkdown);
}

/// <summary>
/// A news article or a static page, written by administrators in Markdown in French (required) and optionally in Arabic and
/// English; a missing translation falls back to French. Only published items are public (and indexed).
/// </summary>
public sealed partial class ContentItem
{
    private ContentItem() { }

    public ContentItem(Guid id, ContentKind kind, string slug, LocalizedText french, DateTime now)
    {
        Id = id;
        Kind = kind;
        Slug = ValidSlug(slug);
        SetFrench(french);
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public ContentKind Kind { get; private set; }
    public string Slug { get; private set; } = "";
    public string TitleFr { get; private set; } = "";
    public string BodyFr { get; private set; } = "";
    public string? TitleAr { get; private set; }
    public string? BodyAr { get; private set; }
    public string? TitleEn { get; private set; }
    public string? BodyEn { get; private set; }
    public bool IsPublished { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string? UpdatedByUserId { get; private set; }

    public void Edit(string slug, LocalizedText french, LocalizedText? arabic, LocalizedText? english, string actorUserId, DateTime now)
    {
        Slug = ValidSlug(slug);
        SetFrench(french);
        (TitleAr, BodyAr) = Optional(arabic);
        (TitleEn, BodyEn) = Optional(english);
        UpdatedAt = now;
        UpdatedByUserId = actorUserId;
    }

    public void Publish(DateTime now)
    {
        if (IsPublished) return;
        IsPublished = true;
        PublishedAt ??= now;
        UpdatedAt = now;
    }

    public void Unpublish(DateTime now)
    {
        IsPublished = false;
        UpdatedAt = now;
    }

    /// <summary>The text in a UI culture, French when that translation is missing. <c>Translated</c> is false on fallback.</summary>
    public (LocalizedText Text, bool Translated) In(string culture) => Localize(culture, TitleFr, BodyFr, TitleAr, BodyAr, TitleEn, BodyEn);

    public static (LocalizedText Text, bool Translated) Localize(string culture, string titleFr, string bodyFr, string? titleAr, string? bodyAr,
        string? titleEn, string? bodyEn)
    {
        // The one rule for official texts (a translation exists when its title does), shared with plans and cycles.
        var shown = new SharedKernel.Text.LocalizedText(titleFr, titleAr, titleEn).For(culture);
        var body = shown.Language switch { SharedKernel.Text.LocalizedText.Arabic => bodyAr, SharedKernel.Text.LocalizedText.English => bodyEn, _ => bodyFr };
        return (new LocalizedText(shown.Text, body ?? ""), !shown.IsFallback);
    }

    public static bool IsValidSlug(string? slug) => slug is { Length: >= 2 and <= 100 } && SlugRegex().IsMatch(slug);

    private static string ValidSlug(string slug)
    {
        var s = (slug ?? "").Trim().ToLowerInvariant();
        if (!IsValidSlug(s)) throw DomainException.Rule("SlugFormat");
        return s;
    }

    private void SetFrench(LocalizedText french)
    {
        ArgumentNullException.ThrowIfNull(french);
        if (string.IsNullOrWhiteSpace(french.Title)) throw DomainException.Rule("FrenchTitleRequired");
        if (french.Title.Trim().Length > 300) throw DomainException.Rule("TitleTooLong300CharactersMost");
        TitleFr = french.Title.Trim();
        BodyFr = french.BodyMarkdown?.Trim() ?? "";
    }

    private static (string?, string?) Optional(LocalizedText? text)
    {
        if (text is null || text.IsEmpty) return (null, null);
        if (string.IsNullOrWhiteSpace(text.Title)) throw DomainException.Rule("TranslationNeedsTitle");
        if (text.Title.Trim().Length > 300) throw DomainException.Rule("TitleTooLong300CharactersMost");
        return (text.Title.Trim(), text.BodyMarkdown?.Trim() ?? "");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugRegex();
}

public sealed class ContentItemConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<ContentItem>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ContentItem> b)
    {
        b.ToTable("ContentItems");
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(100).IsRequired();
        b.Property(x => x.TitleFr).HasMaxLength(300).IsRequired();
        b.Property(x => x.TitleAr).HasMaxLength(300);
        b.Property(x => x.TitleEn).HasMaxLength(300);
        b.Property(x => x.BodyFr).HasMaxLength(100000).IsRequired();
        b.Property(x => x.BodyAr).HasMaxLength(100000);
        b.Property(x => x.BodyEn).HasMaxLength(100000);
        b.Property(x => x.UpdatedByUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.Kind, x.Slug }).IsUnique();
        // The news list: published, newest first (keyset on PublishedAt, Id).
        b.HasIndex(x => new { x.Kind, x.IsPublished, x.PublishedAt, x.Id });
    }
}
