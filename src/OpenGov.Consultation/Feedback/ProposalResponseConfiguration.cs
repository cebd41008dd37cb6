using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Feedback;

public sealed class ProposalResponseConfiguration : IEntityTypeConfiguration<ProposalResponse>
{
    public void Configure(EntityTypeBuilder<ProposalResponse> b)
    {
        b.ToTable("ProposalResponses");
        b.HasKey(x => x.Id);
        b.Property(x => x.JustificationMarkdown).HasMaxLength(ProposalResponse.MaxJustificationLength).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(450).IsRequired();
        b.Property(x => x.PublishedBy).HasMaxLength(450);
        b.HasIndex(x => x.ProposalId).IsUnique();
        b.HasIndex(x => new { x.CycleId, x.IsPublished });
    }
}
