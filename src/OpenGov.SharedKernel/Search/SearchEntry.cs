using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.SharedKernel.Search;

/// <summary>Kinds of searchable content; the site search groups results by kind.</summary>
public static class SearchKinds
{
    public const string Proposal = "proposal";
    public const string Sheet = "sheet";
    public const string Commitment = "commitment";
    public const string ForumThread = "forum";
    public const string Meeting = "meeting";
    public const string Event = "event";
    public const string News = "news";
    public const string Page = "page";
}

/// <summary>
/// One public document in the site-wide full-text index. Only public content is ever written here: features upsert an
/// entry when content becomes public and remove it when it is hidden, withdrawn or unpublished, so search can never leak it.
/// The full-text structures (SQLite FTS5 table and triggers, PostgreSQL tsvector column and GIN index) are created by
/// <see cref="SearchSchema"/> because they are provider-specific.
/// </summary>
public sealed class SearchEntry
{
    private SearchEntry() { }

    public SearchEntry(string kind, string key, string title, string body, string url, DateTime updatedAt)
    {
        Kind = kind;
        Key = key;
        Update(title, body, url, updatedAt);
    }

    public long Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string Url { get; private set; } = "";
    /// <summary>The Arabic search forms of the title and body (<see cref="ArabicSearchText.IndexTerms"/>), indexed beside the
    /// original text, which stays as written for titles and snippets.</summary>
    public string TitleTerms { get; private set; } = "";
    public string BodyTerms { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    public void Update(string title, string body, string url, DateTime updatedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title.Length > 500 ? title[..500] : title;
        Body = body.Length > 20000 ? body[..20000] : body;
        Url = url;
        UpdatedAt = updatedAt;
        TitleTerms = ArabicSearchText.IndexTerms(Title);
        BodyTerms = ArabicSearchText.IndexTerms(Body);
    }
}

public sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.ToTable("SearchEntries");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Kind).HasMaxLength(40).IsRequired();
        builder.Property(x => x.Key).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Title).HasMaxLength(500).IsRequired();
        builder.Property(x => x.Body).IsRequired();
        builder.Property(x => x.TitleTerms).IsRequired().HasDefaultValue("");
        builder.Property(x => x.BodyTerms).IsRequired().HasDefaultValue("");
        builder.Property(x => x.Url).HasMaxLength(500).IsRequired();
        builder.HasIndex(x => new { x.Kind, x.Key }).IsUnique();
    }
}
