using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Associations;

public sealed class AssociationConfiguration : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> b)
    {
        b.ToTable("Associations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Acronym).HasMaxLength(50);
        b.Property(x => x.Region).HasMaxLength(60).IsRequired();
        b.Property(x => x.Themes).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Website).HasMaxLength(500);
        b.Property(x => x.PublicContact).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(10000);
        b.Property(x => x.RegisteredByUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.VerifiedByUserId).HasMaxLength(450);
        b.Property(x => x.RejectionReason).HasMaxLength(2000);
        b.HasIndex(x => x.Name);
        b.HasIndex(x => new { x.Status, x.Region });
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
