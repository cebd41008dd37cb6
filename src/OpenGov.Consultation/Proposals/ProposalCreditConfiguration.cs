using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Proposals;

public sealed class ProposalCreditConfiguration : IEntityTypeConfiguration<ProposalCredit>
{
    public void Configure(EntityTypeBuilder<ProposalCredit> b)
    {
        b.ToTable("ProposalCredits");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(x => x.AssociationName).HasMaxLength(300);
        b.HasIndex(x => x.ProposalId);
    }
}
