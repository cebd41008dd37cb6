using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Proposals;

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
