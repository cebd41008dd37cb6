using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Workshops;

public sealed class WorkshopParticipantConfiguration : IEntityTypeConfiguration<WorkshopParticipant>
{
    public void Configure(EntityTypeBuilder<WorkshopParticipant> b)
    {
        b.ToTable("WorkshopParticipants");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Organisation).HasMaxLength(300);
    }
}
