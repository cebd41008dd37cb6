using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.SharedKernel.Auditing;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Action).HasMaxLength(100).IsRequired();
        b.Property(x => x.TargetType).HasMaxLength(100).IsRequired();
        b.Property(x => x.TargetId).HasMaxLength(100).IsRequired();
        b.Property(x => x.ActorUserId).HasMaxLength(450);
        b.Property(x => x.Details).HasMaxLength(4000);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.TargetType, x.TargetId });
    }
}
