using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Proposals;

public sealed class ProposalSupportConfiguration : IEntityTypeConfiguration<ProposalSupport>
{
    public void Configure(EntityTypeBuilder<ProposalSupport> b)
    {
        b.ToTable("ProposalSupports");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.ProposalId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

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

public sealed class ContentReportConfiguration : IEntityTypeConfiguration<ContentReport>
{
    public void Configure(EntityTypeBuilder<ContentReport> b)
    {
        b.ToTable("ContentReports");
        b.HasKey(x => x.Id);
        b.Property(x => x.ReporterUserId).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.Target, x.TargetId, x.ReporterUserId }).IsUnique();
        b.HasIndex(x => new { x.ReviewedAt, x.CreatedAt });
    }
}
