using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Tracking.Plans;

public sealed class CommitmentLeadConfiguration : IEntityTypeConfiguration<CommitmentLead>
{
    public void Configure(EntityTypeBuilder<CommitmentLead> b)
    {
        b.ToTable("PlanCommitmentLeads");
        b.HasKey(x => new { x.CommitmentId, x.UserId });
        b.Property(x => x.UserId).HasMaxLength(450);
        // The reminders and the back office look commitments up by lead.
        b.HasIndex(x => x.UserId);
    }
}
