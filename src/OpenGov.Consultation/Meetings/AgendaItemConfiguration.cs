using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Meetings;

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
