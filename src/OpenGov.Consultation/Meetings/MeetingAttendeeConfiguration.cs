using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Meetings;

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
