using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Cycles;

public sealed class CyclePhaseConfiguration : IEntityTypeConfiguration<CyclePhase>
{
    public void Configure(EntityTypeBuilder<CyclePhase> b)
    {
        b.ToTable("CyclePhases");
        b.HasKey(x => x.Id);
        // Ids are set by the aggregate, so children added to a loaded cycle are inserted, not updated.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CycleId, x.Kind }).IsUnique();
    }
}
