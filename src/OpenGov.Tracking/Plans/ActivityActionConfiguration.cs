using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Tracking.Plans;

public sealed class ActivityActionConfiguration : IEntityTypeConfiguration<ActivityAction>
{
    public void Configure(EntityTypeBuilder<ActivityAction> b)
    {
        b.ToTable("PlanActivityActions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Description).HasMaxLength(4000).IsRequired();
    }
}
