using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Cycles;

public sealed class CycleAxisConfiguration : IEntityTypeConfiguration<CycleAxis>
{
    public void Configure(EntityTypeBuilder<CycleAxis> b)
    {
        b.ToTable("CycleAxes");
        b.HasKey(x => x.Id);
        // Ids are set by the aggregate, so children added to a loaded cycle are inserted, not updated.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(100).IsRequired();
        b.Property(x => x.NameFr).HasMaxLength(300).IsRequired();
        b.Property(x => x.NameAr).HasMaxLength(300).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(300).IsRequired();
        b.HasIndex(x => new { x.CycleId, x.Code }).IsUnique();
    }
}
