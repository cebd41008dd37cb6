using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Security;

public sealed record AuditRow(long Id, DateTime At, string? ActorUserId, string? ActorName, string Action, string TargetType, string TargetId, string? Details);

/// <summary>Reads the audit log for administrators: the shared kernel's entries with the actors' names from Identity.</summary>
public sealed class AuditTrail(AuditQueries entries, UserDirectory directory)
{
    public const int PageSize = 50;

    /// <summary>The moderation actions (prefixes) moderators may read in /moderation/audit: hiding, merging, rejecting,
    /// reports' automatic hiding, forum moderation, blocking accounts, verifying associations and events, exports.</summary>
    public static readonly IReadOnlyList<string> ModerationActions =
    [
        "proposal.hidden", "proposal.unhidden", "proposal.auto-hidden", "proposal.merged", "proposal.rejected", "proposals.exported",
        "comment.", "forum.", "user.blocked", "user.unblocked", "association.verified", "association.rejected",
        "event.accepted", "event.rejected",
    ];

    /// <param name="action">Action or action prefix, e.g. "role." or "role.granted".</param>
    /// <param name="target">A target id (e.g. a user id) or a target type (e.g. "user").</param>
    public async Task<KeysetPage<AuditRow>> ReadAsync(string? action, string? target, string? cursor,
        bool moderationOnly = false, CancellationToken ct = default)
    {
        var page = await entries.ReadAsync(action, target, cursor, PageSize, moderationOnly ? ModerationActions : null, ct);
        var names = await directory.DisplayNamesAsync(page.Items.Select(e => e.ActorUserId), ct);
        return new KeysetPage<AuditRow>(page.Items.Select(e => new AuditRow(e.Id, e.At, e.ActorUserId,
            e.ActorUserId is { } id && names.TryGetValue(id, out var name) ? name : null,
            e.Action, e.TargetType, e.TargetId, e.Details)).ToList(), page.NextCursor);
    }
}
