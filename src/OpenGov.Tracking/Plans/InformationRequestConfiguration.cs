using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Tracking.Plans;

public sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> b)
    {
        b.ToTable("PlanInformationRequests");
        b.HasKey(x => x.Id);
        b.Property(x => x.AskedBy).HasMaxLength(450).IsRequired();
        b.Property(x => x.AnsweredBy).HasMaxLength(450);
        b.Property(x => x.Question).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Answer).HasMaxLength(8000);
        b.Ignore(x => x.IsOpen);
        b.HasOne<Commitment>().WithMany().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CommitmentId, x.AskedAt });
    }
}
