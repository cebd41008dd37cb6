using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.SharedKernel.Caching;

/// <summary>
/// One row per content area (a module feature namespace: "proposals", "sheets", "plans"...). Every save that touches an entity
/// of the area writes a new random <see cref="Version"/> in the same transaction, so each web instance learns of the change by
/// reading this small table (cached public pages depend on areas). A random value needs no read before the write; readers
/// only compare for inequality.
/// </summary>
public sealed class ContentGeneration
{
    private ContentGeneration() { }

    public ContentGeneration(string tag, long version)
    {
        Tag = tag;
        Version = version;
    }

    public string Tag { get; private set; } = "";
    public long Version { get; private set; }

    public void Bump(long version) => Version = version;

    /// <summary>The content areas: the last segment of the namespaces of the module entities (and the search index).</summary>
    public static readonly string[] Tags =
        ["associations", "committees", "content", "cycles", "evaluation", "events", "feedback", "follows", "forum", "meetings",
         "proposals", "sheets", "plans", "search"];

    /// <summary>The area of an entity type, or null for bookkeeping (audit, outbox, jobs, identity) that no public page shows.</summary>
    public static string? TagOf(Type entityType)
    {
        var ns = entityType.Namespace ?? "";
        if (!ns.StartsWith("OpenGov.Consultation.", StringComparison.Ordinal) && !ns.StartsWith("OpenGov.Tracking.", StringComparison.Ordinal)
            && ns != "OpenGov.SharedKernel.Search")
            return null;
        var tag = ns[(ns.LastIndexOf('.') + 1)..].ToLowerInvariant();
        return Array.IndexOf(Tags, tag) >= 0 ? tag : null;
    }
}

public sealed class ContentGenerationConfiguration : IEntityTypeConfiguration<ContentGeneration>
{
    public void Configure(EntityTypeBuilder<ContentGeneration> builder)
    {
        builder.ToTable("ContentGenerations");
        builder.HasKey(x => x.Tag);
        builder.Property(x => x.Tag).HasMaxLength(40);
        builder.HasData(ContentGeneration.Tags.Select(t => new ContentGeneration(t, 0)));
    }
}
