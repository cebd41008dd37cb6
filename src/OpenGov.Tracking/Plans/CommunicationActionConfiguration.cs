using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Tracking.Plans;

public sealed class CommunicationActionConfiguration : IEntityTypeConfiguration<CommunicationAction>
{
    public void Configure(EntityTypeBuilder<CommunicationAction> b)
    {
        b.ToTable("PlanCommunicationActions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Action).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Audience).HasMaxLength(500);
        b.Property(x => x.Indicators).HasMaxLength(2000);
    }
}
