using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Cycles;

public sealed class CycleConfiguration : IEntityTypeConfiguration<Cycle>
{
    public void Configure(EntityTypeBuilder<Cycle> b)
    {
        b.ToTable("Cycles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.DescriptionMarkdown).HasMaxLength(20000);
        b.HasMany(x => x.Axes).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Phases).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.PhaseChanges).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Axes).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Phases).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.PhaseChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class CycleAxisConfiguration : IEntityTypeConfiguration<CycleAxis>
{
    public void Configure(EntityTypeBuilder<CycleAxis> b)
    {
        b.ToTable("CycleAxes");
        b.HasKey(x => x.Id);
        // Ids are set by the aggregate, so children added to a loaded cycle are inserted, not updated.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(100).IsRequired();
        b.Property(x => x.NameFr).HasMaxLength(300).IsRequired();
        b.Property(x => x.NameAr).HasMaxLength(300).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(300).IsRequired();
        b.HasIndex(x => new { x.CycleId, x.Code }).IsUnique();
    }
}

public sealed class CyclePhaseConfiguration : IEntityTypeConfiguration<CyclePhase>
{
    public void Configure(EntityTypeBuilder<CyclePhase> b)
    {
        b.ToTable("CyclePhases");
        b.HasKey(x => x.Id);
        // Ids are set by the aggregate, so children added to a loaded cycle are inserted, not updated.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CycleId, x.Kind }).IsUnique();
    }
}

public sealed class PhaseChangeConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> b)
    {
        b.ToTable("CyclePhaseChanges");
        b.HasKey(x => x.Id);
        // Ids are set by the aggregate, so children added to a loaded cycle are inserted, not updated.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        b.Property(x => x.ActorUserId).HasMaxLength(450).IsRequired();
    }
}
