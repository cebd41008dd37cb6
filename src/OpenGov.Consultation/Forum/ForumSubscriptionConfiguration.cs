using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Forum;

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
