using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Tracking.Plans;

public sealed class CommitmentUpdateConfiguration : IEntityTypeConfiguration<CommitmentUpdate>
{
    public void Configure(EntityTypeBuilder<CommitmentUpdate> b)
    {
        b.ToTable("PlanCommitmentUpdates");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(50).IsRequired();
        b.Property(x => x.Summary).HasMaxLength(2000).IsRequired();
        b.HasOne<Commitment>().WithMany().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CommitmentId, x.At });
    }
}
