using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Follows;

public enum FollowTarget { Cycle = 0, Proposal = 1, Sheet = 2, ForumThread = 3 }

/// <summary>A user following a cycle, a proposal, a commitment sheet or a forum thread, to be notified of what happens to it.</summary>
public sealed class Follow
{
    private Follow() { }

    public Follow(string userId, FollowTarget target, Guid targetId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Id = Guid.NewGuid();
        UserId = userId;
        Target = target;
        TargetId = targetId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public FollowTarget Target { get; private set; }
    public Guid TargetId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

public sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("Follows");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(x => new { x.UserId, x.Target, x.TargetId }).IsUnique();
        builder.HasIndex(x => new { x.Target, x.TargetId });
    }
}

/// <summary>Following and unfollowing, and who follows what (for notifications).</summary>
public sealed class Followers(DbContext db, TimeProvider clock)
{
    public Task<bool> IsFollowingAsync(string userId, FollowTarget target, Guid targetId, CancellationToken ct = default)
        => db.Set<Follow>().AnyAsync(f => f.UserId == userId && f.Target == target && f.TargetId == targetId, ct);

    /// <summary>Idempotent: following twice keeps one follow. Saves immediately.</summary>
    public async Task FollowAsync(string userId, FollowTarget target, Guid targetId, CancellationToken ct = default)
    {
        if (await IsFollowingAsync(userId, target, targetId, ct)) return;
        db.Set<Follow>().Add(new Follow(userId, target, targetId, clock.GetUtcNow().UtcDateTime));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* a parallel request followed first: the unique index kept one */ }
    }

    public async Task UnfollowAsync(string userId, FollowTarget target, Guid targetId, CancellationToken ct = default)
    {
        var follows = await db.Set<Follow>().Where(f => f.UserId == userId && f.Target == target && f.TargetId == targetId).ToListAsync(ct);
        db.Set<Follow>().RemoveRange(follows);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<string>> FollowerIdsAsync(FollowTarget target, Guid targetId, CancellationToken ct = default)
        => await db.Set<Follow>().Where(f => f.Target == target && f.TargetId == targetId).Select(f => f.UserId).ToListAsync(ct);
}
