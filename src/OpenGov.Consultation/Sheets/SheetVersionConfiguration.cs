using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Sheets;

public sealed class SheetVersionConfiguration : IEntityTypeConfiguration<SheetVersion>
{
    public void Configure(EntityTypeBuilder<SheetVersion> b)
    {
        b.ToTable("SheetVersions");
        b.HasKey(x => x.Id);
        b.Property(x => x.ContentJson).IsRequired();
        b.Property(x => x.AuthorUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.AuthorName).HasMaxLength(200).IsRequired();
        b.Property(x => x.ChangeNote).HasMaxLength(4000);
        b.Ignore(x => x.Content);
        b.HasIndex(x => new { x.SheetId, x.Number }).IsUnique();
        b.HasOne<Sheet>().WithMany().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}
