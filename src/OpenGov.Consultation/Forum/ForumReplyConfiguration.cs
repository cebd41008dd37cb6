using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Forum;

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
