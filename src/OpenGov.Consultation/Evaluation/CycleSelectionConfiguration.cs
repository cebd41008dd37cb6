using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Evaluation;

public sealed class CycleSelectionConfiguration : IEntityTypeConfiguration<CycleSelection>
{
    public void Configure(EntityTypeBuilder<CycleSelection> b)
    {
        b.ToTable("CycleSelections");
        b.HasKey(x => x.CycleId);
        b.Property(x => x.PublishedByUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Note).HasMaxLength(4000);
    }
}
