using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Cycles;

public sealed class PhaseChangeConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> b)
    {
        b.ToTable("CyclePhaseChanges");
        b.HasKey(x => x.Id);
        // Ids are set by the aggregate, so children added to a loaded cycle are inserted, not updated.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        b.Property(x => x.ActorUserId).HasMaxLength(450).IsRequired();
    }
}
