using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Forum;

public sealed class ForumThreadConfiguration : IEntityTypeConfiguration<ForumThread>
{
    public void Configure(EntityTypeBuilder<ForumThread> b)
    {
        b.ToTable("ForumThreads");
        b.HasKey(x => x.Id);
        b.Property(x => x.Category).HasMaxLength(100).IsRequired();
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.BodyMarkdown).HasMaxLength(20000).IsRequired();
        b.Property(x => x.AuthorUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.AuthorName).HasMaxLength(200).IsRequired();
        b.Property(x => x.LastReplyNumber).IsConcurrencyToken();
        // Keyset order of thread lists: latest activity first, id as tie-breaker.
        b.HasIndex(x => new { x.Category, x.LastActivityAt, x.Id });
        b.HasIndex(x => new { x.LastActivityAt, x.Id });
    }
}
