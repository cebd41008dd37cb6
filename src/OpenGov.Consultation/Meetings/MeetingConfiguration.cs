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

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        // Created by the aggregate with their id: EF must insert them when found in the collection, not update them.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.ToTable("MeetingAgendaItems");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(1000).IsRequired();
    }
}

public sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> b)
    {
        // Created by the aggregate with their id: EF must insert them when found in the collection, not update them.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.ToTable("MeetingAttendees");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Organisation).HasMaxLength(300);
    }
}

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        // Created by the aggregate with their id: EF must insert them when found in the collection, not update them.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.ToTable("MeetingDecisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(4000).IsRequired();
        b.Property(x => x.OwnerOrganisation).HasMaxLength(300);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.Property(x => x.OwnerUserId).HasMaxLength(450);
        b.Property(x => x.ProgressNote).HasMaxLength(2000);
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasIndex(x => x.OwnerUserId);
    }
}
