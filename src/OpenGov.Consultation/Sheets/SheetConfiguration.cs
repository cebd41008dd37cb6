using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Sheets;

public sealed class SheetConfiguration : IEntityTypeConfiguration<Sheet>
{
    public void Configure(EntityTypeBuilder<Sheet> b)
    {
        b.ToTable("Sheets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(SheetContent.MaxShort).IsRequired();
        b.Property(x => x.PublishedTitle).HasMaxLength(SheetContent.MaxShort);
        b.Property(x => x.ContentJson).IsRequired();
        b.Property(x => x.CreatedByUserId).HasMaxLength(450).IsRequired();
        b.Ignore(x => x.Content);
        b.Ignore(x => x.IsPublished);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CycleId, x.CurrentVersion });
        b.HasIndex(x => x.AgencyId);
        b.HasMany(x => x.Extensions).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Extensions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
