using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Reports;

public sealed class ReportExportConfiguration : IEntityTypeConfiguration<ReportExport>
{
    public void Configure(EntityTypeBuilder<ReportExport> b)
    {
        b.ToTable("ReportExports");
        b.HasKey(x => x.Id);
        b.Property(x => x.File).HasMaxLength(40).IsRequired();
        b.Property(x => x.Language).HasMaxLength(8).IsRequired();
        b.HasIndex(x => new { x.CycleId, x.File, x.Language, x.RequestedAt });
        b.HasIndex(x => x.ExpiresAt);
    }
}
