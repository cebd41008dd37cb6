using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.SharedKernel.Text;

public sealed class TranslationSourceConfiguration : IEntityTypeConfiguration<TranslationSource>
{
    public void Configure(EntityTypeBuilder<TranslationSource> b)
    {
        b.ToTable("TranslationSources");
        b.HasKey(x => new { x.Kind, x.ItemId, x.FieldKey, x.Language });
        b.Property(x => x.Kind).HasMaxLength(50);
        b.Property(x => x.FieldKey).HasMaxLength(200);
        b.Property(x => x.Language).HasMaxLength(5);
        b.Property(x => x.FrenchHash).HasMaxLength(64).IsRequired();
    }
}
