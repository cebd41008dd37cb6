using Microsoft.AspNetCore.Identity;
using OpenGov.SharedKernel.Auditing;
using OpenGov.Web.Data;

namespace OpenGov.Web.Identity;

public enum BlockOutcome { Done, UnknownUser, CannotBlockSelf, CannotBlockAdministrator, NothingToChange }

/// <summary>
/// The one block/unblock rule, for administrators and moderators alike: blocking sets the flag and a lockout without end,
/// unblocking clears both (and the failed-attempt count); either way the security stamp rotates so open sessions end
/// at the next check, and one audit entry commits with the change. Two copies once disagreed on the lockout,
/// leaving unblocked users locked out.
/// </summary>
public sealed class AccountBlocking(AppDbContext db, UserManager<AppUser> users, IAuditLog audit)
{
    /// <param name="spareAdministrators">Moderators may not block an administrator; administrators may.</param>
    public async Task<BlockOutcome> SetBlockedAsync(string actorUserId, string userId, bool blocked, string? reason,
        bool spareAdministrators = false, CancellationToken ct = default)
    {
        if (actorUserId == userId) return BlockOutcome.CannotBlockSelf;
        var user = await users.FindByIdAsync(userId);
        if (user is null) return BlockOutcome.UnknownUser;
        if (blocked && spareAdministrators && await users.IsInRoleAsync(user, Roles.Administrator)) return BlockOutcome.CannotBlockAdministrator;
        // An account unblocked by the old copy could keep its endless lockout: unblocking it again repairs it.
        var inState = blocked ? user.IsBlocked && user.LockoutEnd == DateTimeOffset.MaxValue : !user.IsBlocked && user.LockoutEnd is null;
        if (inState) return BlockOutcome.NothingToChange;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.IsBlocked = blocked;
        user.LockoutEnabled = true;
        user.LockoutEnd = blocked ? DateTimeOffset.MaxValue : null;
        if (!blocked) user.AccessFailedCount = 0;
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        audit.Record(actorUserId, blocked ? "user.blocked" : "user.unblocked", "user", user.Id, reason);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return BlockOutcome.Done;
    }

    /// <summary>The display name shown in the moderators' notice.</summary>
    public async Task<string?> DisplayNameAsync(string userId) => (await users.FindByIdAsync(userId))?.DisplayName;
}
