using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Sheets;

public sealed class SheetCommentConfiguration : IEntityTypeConfiguration<SheetComment>
{
    public void Configure(EntityTypeBuilder<SheetComment> b)
    {
        b.ToTable("SheetComments");
        b.HasKey(x => x.Id);
        b.Property(x => x.SectionKey).HasMaxLength(60).IsRequired();
        b.Property(x => x.AuthorUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.AuthorName).HasMaxLength(200).IsRequired();
        b.Property(x => x.AssociationName).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(SheetComment.MaxBody).IsRequired();
        b.Property(x => x.Reply).HasMaxLength(SheetComment.MaxBody);
        b.Property(x => x.ReplyByUserId).HasMaxLength(450);
        b.Property(x => x.HandlingReason).HasMaxLength(2000);
        // The sheet page loads all comments of a sheet in one query, in order.
        b.HasIndex(x => new { x.SheetId, x.CreatedAt });
        b.HasOne<Sheet>().WithMany().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}
