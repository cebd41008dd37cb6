using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Events;

public sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.ToTable("Events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.DescriptionMarkdown).HasMaxLength(20000).IsRequired();
        b.Property(x => x.TimeZoneId).HasMaxLength(64).IsRequired();
        b.Property(x => x.OnlineUrl).HasMaxLength(500);
        b.Property(x => x.Place).HasMaxLength(300);
        b.Property(x => x.Region).HasMaxLength(60).IsRequired();
        b.Property(x => x.OrganiserName).HasMaxLength(200).IsRequired();
        b.Property(x => x.OrganiserUserId).HasMaxLength(450);
        b.Property(x => x.ContactEmail).HasMaxLength(320);
        b.Property(x => x.ContactCulture).HasMaxLength(10).IsRequired();
        b.Property(x => x.RejectionReason).HasMaxLength(2000);
        b.Property(x => x.ModeratedByUserId).HasMaxLength(450);
        b.Property(x => x.ReportMarkdown).HasMaxLength(50000);
        b.Property(x => x.MaterialLinks).HasMaxLength(5000);
        // Public lists: upcoming / past by start, the programme by type; keyset on (StartsAt, Id).
        b.HasIndex(x => new { x.Status, x.StartsAt, x.Id });
        b.HasIndex(x => new { x.Type, x.Status, x.StartsAt });
    }
}
