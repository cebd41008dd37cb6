using OpenGov.SharedKernel.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Tracking.Plans;

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.ToTable("PlanCommitments");
        b.HasKey(x => x.Id);
        b.Property(x => x.TitleAr).HasMaxLength(500);
        b.Property(x => x.TitleEn).HasMaxLength(500);
        b.Property(x => x.ProblemAr).HasMaxLength(20000);
        b.Property(x => x.ProblemEn).HasMaxLength(20000);
        b.Property(x => x.DescriptionAr).HasMaxLength(20000);
        b.Property(x => x.DescriptionEn).HasMaxLength(20000);
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.LeadAgency).HasMaxLength(300).IsRequired();
        b.Property(x => x.Problem).HasMaxLength(20000);
        b.Property(x => x.Description).HasMaxLength(20000);
        b.Property(x => x.Results).HasMaxLength(20000);
        b.Property(x => x.HowAddressed).HasMaxLength(20000);
        b.Property(x => x.NextSteps).HasMaxLength(20000);
        b.Property(x => x.LastUpdatedBy).HasMaxLength(450);
        b.Property(x => x.ContactName).HasMaxLength(200);
        b.Property(x => x.ContactEmail).HasMaxLength(320);
        b.Property(x => x.ContactCulture).HasMaxLength(MailLanguage.MaxLength).IsRequired().HasDefaultValue(MailLanguage.Default);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanAxis>().WithMany().HasForeignKey(x => x.AxisId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
        b.HasMany(x => x.Activities).WithOne().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.CommunicationActions).WithOne().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Leads).WithOne().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Activities).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.CommunicationActions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Leads).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
