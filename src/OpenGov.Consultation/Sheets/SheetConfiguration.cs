using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Sheets;

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("Agencies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Acronym).HasMaxLength(50);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

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

public sealed class SheetConfiguration : IEntityTypeConfiguration<Sheet>
{
    public void Configure(EntityTypeBuilder<Sheet> b)
    {
        b.ToTable("Sheets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(SheetContent.MaxShort).IsRequired();
        b.Property(x => x.PublishedTitle).HasMaxLength(SheetContent.MaxShort);
        b.Property(x => x.ContentJson).IsRequired();
        b.Property(x => x.CreatedByUserId).HasMaxLength(450).IsRequired();
        b.Ignore(x => x.Content);
        b.Ignore(x => x.IsPublished);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CycleId, x.CurrentVersion });
        b.HasIndex(x => x.AgencyId);
        b.HasMany(x => x.Extensions).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Extensions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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
