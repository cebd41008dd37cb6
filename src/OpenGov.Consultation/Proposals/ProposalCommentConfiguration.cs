using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Proposals;

public sealed class ProposalCommentConfiguration : IEntityTypeConfiguration<ProposalComment>
{
    public void Configure(EntityTypeBuilder<ProposalComment> b)
    {
        b.ToTable("ProposalComments");
        b.HasKey(x => x.Id);
        b.Property(x => x.AuthorUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.AuthorDisplayName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Body).HasMaxLength(ProposalComment.MaxLength).IsRequired();
        // Keyset paging of top-level comments and of each comment's replies.
        b.HasIndex(x => new { x.ProposalId, x.ParentId, x.CreatedAt, x.Id });
        b.HasIndex(x => x.ParentId);
        b.HasIndex(x => x.AuthorUserId);
    }
}
