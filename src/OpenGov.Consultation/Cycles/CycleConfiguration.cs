using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Cycles;

public sealed class CycleConfiguration : IEntityTypeConfiguration<Cycle>
{
    public void Configure(EntityTypeBuilder<Cycle> b)
    {
        b.ToTable("Cycles");
        b.HasKey(x => x.Id);
        b.Property(x => x.TitleAr).HasMaxLength(300);
        b.Property(x => x.TitleEn).HasMaxLength(300);
        b.Property(x => x.DescriptionMarkdownAr).HasMaxLength(20000);
        b.Property(x => x.DescriptionMarkdownEn).HasMaxLength(20000);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.DescriptionMarkdown).HasMaxLength(20000);
        b.HasMany(x => x.Axes).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Phases).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.PhaseChanges).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Axes).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Phases).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.PhaseChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
