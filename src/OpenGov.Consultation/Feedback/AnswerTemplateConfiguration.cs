using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Feedback;

public sealed class AnswerTemplateConfiguration : IEntityTypeConfiguration<AnswerTemplate>
{
    public void Configure(EntityTypeBuilder<AnswerTemplate> b)
    {
        b.ToTable("AnswerTemplates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(150).IsRequired();
        b.Property(x => x.JustificationMarkdown).HasMaxLength(ProposalResponse.MaxJustificationLength).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.CycleId, x.Name }).IsUnique();
    }
}
