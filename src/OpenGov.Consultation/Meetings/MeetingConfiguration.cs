using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Meetings;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("Meetings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Place).HasMaxLength(500);
        b.Property(x => x.MinutesMarkdown).HasMaxLength(100000);
        b.HasIndex(x => new { x.Status, x.HeldOn });
        b.HasMany(x => x.Agenda).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attendees).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Decisions).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Agenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Attendees).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
