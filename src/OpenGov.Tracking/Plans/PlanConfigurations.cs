using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Tracking.Plans;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("Plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.ContextMarkdown).HasMaxLength(20000);
        b.Property(x => x.TrackingSystemMarkdown).HasMaxLength(20000);
        b.Ignore(x => x.WeightsLocked);
        b.HasMany(x => x.Axes).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Axes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class PlanAxisConfiguration : IEntityTypeConfiguration<PlanAxis>
{
    public void Configure(EntityTypeBuilder<PlanAxis> b)
    {
        b.ToTable("PlanAxes");
        b.HasKey(x => x.Id);
        b.Property(x => x.NameFr).HasMaxLength(300).IsRequired();
        b.Property(x => x.NameAr).HasMaxLength(300).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(300).IsRequired();
    }
}

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.ToTable("PlanCommitments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.LeadAgency).HasMaxLength(300).IsRequired();
        b.Property(x => x.Problem).HasMaxLength(20000);
        b.Property(x => x.Description).HasMaxLength(20000);
        b.Property(x => x.Results).HasMaxLength(20000);
        b.Property(x => x.HowAddressed).HasMaxLength(20000);
        b.Property(x => x.NextSteps).HasMaxLength(20000);
        b.Property(x => x.LastUpdatedBy).HasMaxLength(450);
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

public sealed class CommitmentLeadConfiguration : IEntityTypeConfiguration<CommitmentLead>
{
    public void Configure(EntityTypeBuilder<CommitmentLead> b)
    {
        b.ToTable("PlanCommitmentLeads");
        b.HasKey(x => new { x.CommitmentId, x.UserId });
        b.Property(x => x.UserId).HasMaxLength(450);
        // The reminders and the back office look commitments up by lead.
        b.HasIndex(x => x.UserId);
    }
}

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("PlanActivities");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.CancellationReason).HasMaxLength(2000);
        b.Property(x => x.NotDone).HasMaxLength(5000);
        b.Property(x => x.Difficulties).HasMaxLength(5000);
        b.Ignore(x => x.Level);
        b.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ActivityActionConfiguration : IEntityTypeConfiguration<ActivityAction>
{
    public void Configure(EntityTypeBuilder<ActivityAction> b)
    {
        b.ToTable("PlanActivityActions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Description).HasMaxLength(4000).IsRequired();
    }
}

public sealed class CommunicationActionConfiguration : IEntityTypeConfiguration<CommunicationAction>
{
    public void Configure(EntityTypeBuilder<CommunicationAction> b)
    {
        b.ToTable("PlanCommunicationActions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Action).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Audience).HasMaxLength(500);
        b.Property(x => x.Indicators).HasMaxLength(2000);
    }
}

public sealed class CommitmentUpdateConfiguration : IEntityTypeConfiguration<CommitmentUpdate>
{
    public void Configure(EntityTypeBuilder<CommitmentUpdate> b)
    {
        b.ToTable("PlanCommitmentUpdates");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(50).IsRequired();
        b.Property(x => x.Summary).HasMaxLength(2000).IsRequired();
        b.HasOne<Commitment>().WithMany().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CommitmentId, x.At });
    }
}

public sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> b)
    {
        b.ToTable("PlanInformationRequests");
        b.HasKey(x => x.Id);
        b.Property(x => x.AskedBy).HasMaxLength(450).IsRequired();
        b.Property(x => x.AnsweredBy).HasMaxLength(450);
        b.Property(x => x.Question).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Answer).HasMaxLength(8000);
        b.Ignore(x => x.IsOpen);
        b.HasOne<Commitment>().WithMany().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CommitmentId, x.AskedAt });
    }
}
