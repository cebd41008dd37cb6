using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Sheets;

public sealed class AgencyEditorConfiguration : IEntityTypeConfiguration<AgencyEditor>
{
    public void Configure(EntityTypeBuilder<AgencyEditor> b)
    {
        b.ToTable("AgencyEditors");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.AgencyId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
