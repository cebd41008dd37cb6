using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Committees;

public sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.ToTable("Committees");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Description).HasMaxLength(4000);
        b.HasIndex(x => x.Kind).IsUnique();
        b.HasMany(x => x.Seats).WithOne().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Mandates).WithOne().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Seats).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Mandates).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
