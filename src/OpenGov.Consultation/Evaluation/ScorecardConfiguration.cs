using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Evaluation;

public sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> b)
    {
        b.ToTable("Scorecards");
        b.HasKey(x => x.Id);
        b.Property(x => x.MemberUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.ScoresJson).IsRequired();
        b.Ignore(x => x.Scores);
        b.HasIndex(x => new { x.SheetId, x.MemberUserId }).IsUnique();
        b.HasIndex(x => x.CycleId);
        b.HasOne<Sheets.Sheet>().WithMany().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}
