using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Consultation.Meetings;

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        // Created by the aggregate with their id: EF must insert them when found in the collection, not update them.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.ToTable("MeetingDecisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(4000).IsRequired();
        b.Property(x => x.OwnerOrganisation).HasMaxLength(300);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.Property(x => x.OwnerUserId).HasMaxLength(450);
        b.Property(x => x.OwnerEmail).HasMaxLength(320);
        b.Property(x => x.OwnerEmailCulture).HasMaxLength(MailLanguage.MaxLength).IsRequired().HasDefaultValue(MailLanguage.Default);
        b.Property(x => x.ProgressNote).HasMaxLength(2000);
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasIndex(x => x.OwnerUserId);
    }
}
