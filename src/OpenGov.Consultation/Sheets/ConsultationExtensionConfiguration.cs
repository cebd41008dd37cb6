using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Sheets;

public sealed class ConsultationExtensionConfiguration : IEntityTypeConfiguration<ConsultationExtension>
{
    public void Configure(EntityTypeBuilder<ConsultationExtension> b)
    {
        b.ToTable("SheetConsultationExtensions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        b.Property(x => x.ActorUserId).HasMaxLength(450).IsRequired();
    }
}
