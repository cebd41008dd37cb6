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

public sealed class ForumReplyConfiguration : IEntityTypeConfiguration<ForumReply>
{
    public void Configure(EntityTypeBuilder<ForumReply> b)
    {
        b.ToTable("ForumReplies");
        b.HasKey(x => x.Id);
        b.Property(x => x.BodyMarkdown).HasMaxLength(20000).IsRequired();
        b.Property(x => x.AuthorUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.AuthorName).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.ThreadId, x.Number }).IsUnique();
        b.HasOne<ForumThread>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ForumReportConfiguration : IEntityTypeConfiguration<ForumReport>
{
    public void Configure(EntityTypeBuilder<ForumReport> b)
    {
        b.ToTable("ForumReports");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => new { x.TargetId, x.UserId }).IsUnique();
    }
}

public sealed class ForumSubscriptionConfiguration : IEntityTypeConfiguration<ForumSubscription>
{
    public void Configure(EntityTypeBuilder<ForumSubscription> b)
    {
        b.ToTable("ForumSubscriptions");
        b.HasKey(x => new { x.ThreadId, x.UserId });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne<ForumThread>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}
