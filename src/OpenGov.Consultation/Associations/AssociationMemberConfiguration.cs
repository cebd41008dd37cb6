using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Associations;

public sealed class AssociationMemberConfiguration : IEntityTypeConfiguration<AssociationMember>
{
    public void Configure(EntityTypeBuilder<AssociationMember> b)
    {
        // Created by the aggregate with their id: EF must insert them when found in the collection, not update them.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.ToTable("AssociationMembers");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.DecidedByUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.AssociationId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}
