using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.SharedKernel.Outbox;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(x => x.Id);
        b.Property(x => x.Category).HasMaxLength(100).IsRequired();
        b.Property(x => x.ToAddress).HasMaxLength(320);
        b.Property(x => x.Template).HasMaxLength(200);
        b.Property(x => x.RecipientUserId).HasMaxLength(450);
        b.Property(x => x.Culture).HasMaxLength(10).IsRequired();
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.MessageId).HasMaxLength(200).IsRequired();
        b.Property(x => x.DedupKey).HasMaxLength(300);
        // The claim's owner: outcomes are saved only by the worker that still holds the claim (UPDATE ... WHERE "LockedBy" = owner).
        b.Property(x => x.LockedBy).HasMaxLength(200).IsConcurrencyToken();
        b.Property(x => x.AttachmentName).HasMaxLength(200);
        b.Property(x => x.AttachmentContentType).HasMaxLength(100);
        b.HasIndex(x => x.DedupKey).IsUnique();
        // The worker's claim query: pending rows due now.
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        // The digest job: pending rows held for a recipient's digest.
        b.HasIndex(x => new { x.Status, x.HeldForDigest, x.RecipientUserId });
    }
}
