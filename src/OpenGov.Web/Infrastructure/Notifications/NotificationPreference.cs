using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Web.Infrastructure.Notifications;

public enum DeliveryMode { Immediately = 0, DailyDigest = 1, None = 2 }

/// <summary>A user's choice for one group of notification categories. No row means <see cref="DeliveryMode.Immediately"/>.</summary>
public sealed class NotificationPreference
{
    private NotificationPreference() { }

    public NotificationPreference(string userId, string group, DeliveryMode mode, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!NotificationGroups.All.Contains(group)) throw new ArgumentException("Unknown notification group.", nameof(group));
        Id = Guid.NewGuid();
        UserId = userId;
        Group = group;
        Change(mode, now);
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Group { get; private set; } = "";
    public DeliveryMode Mode { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Change(DeliveryMode mode, DateTime now)
    {
        if (!Enum.IsDefined(mode)) throw new ArgumentException("Unknown delivery mode.", nameof(mode));
        Mode = mode;
        UpdatedAt = now;
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("NotificationPreferences");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Group).HasMaxLength(40).IsRequired();
        b.HasIndex(x => new { x.UserId, x.Group }).IsUnique();
    }
}

/// <summary>
/// Categories ("proposal.published", "sheet.consultation.opened"...) fold into a few groups a person can reason about.
/// Account mails (confirmation, password reset) and the digest itself are transactional: always sent, never unsubscribable.
/// </summary>
public static class NotificationGroups
{
    public const string Proposals = "proposals";
    public const string Comments = "comments";
    public const string Feedback = "feedback";
    public const string Consultations = "consultations";
    public const string Forum = "forum";
    public const string Events = "events";
    public const string Tracking = "tracking";
    public const string Associations = "associations";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Proposals, Comments, Feedback, Consultations, Forum, Events, Tracking, Associations, Other];

    /// <summary>Null for transactional categories that ignore preferences.</summary>
    public static string? Of(string category)
    {
        var prefix = category.Split('.')[0].ToLowerInvariant();
        return prefix switch
        {
            "account" or "system" or "digest" or "notifications" => null,
            "proposal" or "support" => Proposals,
            "comment" => Comments,
            "feedback" => Feedback,
            "sheet" or "cycle" or "consultation" or "phase" => Consultations,
            "forum" or "committee" or "meeting" => Forum,
            "event" => Events,
            "tracking" or "plan" or "commitment" => Tracking,
            "association" or "membership" => Associations,
            _ => Other,
        };
    }
}

/// <summary>Reads and changes a user's notification preferences.</summary>
public sealed class NotificationPreferences(Data.AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<string, DeliveryMode>> ForUserAsync(string userId, CancellationToken ct = default)
    {
        var stored = await db.Set<NotificationPreference>().Where(p => p.UserId == userId)
            .Select(p => new { p.Group, p.Mode }).ToListAsync(ct);
        return NotificationGroups.All.ToDictionary(g => g, g => stored.FirstOrDefault(s => s.Group == g)?.Mode ?? DeliveryMode.Immediately);
    }

    /// <summary>Sets one group's mode; saves.</summary>
    public async Task SetAsync(string userId, string group, DeliveryMode mode, CancellationToken ct = default)
    {
        await SetManyAsync(userId, new Dictionary<string, DeliveryMode> { [group] = mode }, ct);
    }

    public async Task SetManyAsync(string userId, IReadOnlyDictionary<string, DeliveryMode> modes, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<NotificationPreference>().Where(p => p.UserId == userId).ToListAsync(ct);
        foreach (var (group, mode) in modes)
        {
            var row = existing.FirstOrDefault(p => p.Group == group);
            if (row is null) db.Add(new NotificationPreference(userId, group, mode, now));
            else row.Change(mode, now);
        }
        await db.SaveChangesAsync(ct);
    }
}
