using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Proposals;

public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("Proposals");
        b.HasKey(x => x.Id);
        b.Property(x => x.AuthorUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.AuthorDisplayName).HasMaxLength(200).IsRequired();
        b.Property(x => x.AssociationName).HasMaxLength(300);
        b.Property(x => x.WorkshopTitle).HasMaxLength(200);
        b.HasIndex(x => x.WorkshopId);
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Problem).HasMaxLength(5000).IsRequired();
        b.Property(x => x.Solution).HasMaxLength(5000).IsRequired();
        b.Property(x => x.ExpectedImpact).HasMaxLength(3000).IsRequired();
        b.Property(x => x.Region).HasMaxLength(60).IsRequired();
        b.Property(x => x.RejectionReason).HasMaxLength(2000);
        b.Property(x => x.WithdrawalReason).HasMaxLength(2000);
        // Keyset pagination of the public list: (status, published, id) for "newest", counts for the other sorts.
        b.HasIndex(x => new { x.CycleId, x.Status, x.PublishedAt, x.Id });
        b.HasIndex(x => new { x.CycleId, x.Status, x.SupportCount, x.Id });
        b.HasIndex(x => new { x.CycleId, x.Status, x.CommentCount, x.Id });
        b.HasIndex(x => x.AuthorUserId);
        b.HasIndex(x => new { x.Status, x.SubmittedAt });
        // The public list across cycles (the default view) pages on the same keys without the cycle; hidden rows are
        // rare, so they are filtered while walking the index in order (SQLite cannot seek on NOT IsHidden).
        b.HasIndex(x => new { x.Status, x.PublishedAt, x.Id });
        b.HasIndex(x => new { x.Status, x.SupportCount, x.Id });
        b.HasIndex(x => new { x.Status, x.CommentCount, x.Id });
        // Per-cycle counts (cycle list, figures) from the index alone.
        b.HasIndex(x => new { x.CycleId, x.Status, x.IsHidden });
    }
}
