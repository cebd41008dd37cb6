using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Tracking.Plans;

public sealed class PlanAxisConfiguration : IEntityTypeConfiguration<PlanAxis>
{
    public void Configure(EntityTypeBuilder<PlanAxis> b)
    {
        b.ToTable("PlanAxes");
        b.HasKey(x => x.Id);
        b.Property(x => x.NameFr).HasMaxLength(300).IsRequired();
        b.Property(x => x.NameAr).HasMaxLength(300).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(300).IsRequired();
    }
}
