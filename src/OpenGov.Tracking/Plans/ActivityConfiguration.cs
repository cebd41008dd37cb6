using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Tracking.Plans;

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("PlanActivities");
        b.HasKey(x => x.Id);
        b.Property(x => x.TitleAr).HasMaxLength(500);
        b.Property(x => x.TitleEn).HasMaxLength(500);
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.CancellationReason).HasMaxLength(2000);
        b.Property(x => x.NotDone).HasMaxLength(5000);
        b.Property(x => x.Difficulties).HasMaxLength(5000);
        b.Ignore(x => x.Level);
        b.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
