using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Workshops;

public sealed class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>
{
    public void Configure(EntityTypeBuilder<Workshop> b)
    {
        b.ToTable("Workshops");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Region).HasMaxLength(60).IsRequired();
        b.Property(x => x.FacilitatorUserId).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.CycleId, x.HeldOn });
        b.HasIndex(x => x.FacilitatorUserId);
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
