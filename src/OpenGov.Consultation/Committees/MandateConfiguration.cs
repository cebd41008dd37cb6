using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Committees;

public sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> b)
    {
        // Created by the aggregate with their id: EF must insert them when found in the collection, not update them.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.ToTable("CommitteeMandates");
        b.HasKey(x => x.Id);
        b.Property(x => x.HolderName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Organisation).HasMaxLength(300).IsRequired();
        b.HasIndex(x => x.SeatId);
    }
}
