using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Tracking.Plans;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("Plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.TitleAr).HasMaxLength(300);
        b.Property(x => x.TitleEn).HasMaxLength(300);
        b.Property(x => x.ContextMarkdownAr).HasMaxLength(20000);
        b.Property(x => x.ContextMarkdownEn).HasMaxLength(20000);
        b.Property(x => x.TrackingSystemMarkdownAr).HasMaxLength(20000);
        b.Property(x => x.TrackingSystemMarkdownEn).HasMaxLength(20000);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.ContextMarkdown).HasMaxLength(20000);
        b.Property(x => x.TrackingSystemMarkdown).HasMaxLength(20000);
        b.Ignore(x => x.WeightsLocked);
        b.HasMany(x => x.Axes).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Axes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
