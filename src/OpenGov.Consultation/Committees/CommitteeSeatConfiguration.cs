using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Committees;

public sealed class CommitteeSeatConfiguration : IEntityTypeConfiguration<CommitteeSeat>
{
    public void Configure(EntityTypeBuilder<CommitteeSeat> b)
    {
        // Created by the aggregate with their id: EF must insert them when found in the collection, not update them.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.ToTable("CommitteeSeats");
        b.HasKey(x => x.Id);
        b.Property(x => x.Label).HasMaxLength(300).IsRequired();
    }
}
