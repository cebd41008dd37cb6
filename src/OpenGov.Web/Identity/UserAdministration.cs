using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Data;

namespace OpenGov.Web.Identity;

public sealed record UserRow(string Id, string Email, string DisplayName, string? Organisation, bool EmailConfirmed,
    bool IsBlocked, DateTime CreatedAt, IReadOnlyList<string> Roles);

public enum RoleChangeOutcome { Done, UnknownUser, UnknownRole, CannotRemoveOwnAdministrator, NothingToChange }

/// <summary>
/// What administrators do to accounts: find them, grant and remove roles (blocking is <see cref="AccountBlocking"/>).
/// Every change and its audit entry commit in one transaction.
/// </summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, IAuditLog audit)
{
    public const int PageSize = 25;

    /// <summary>Users ordered by e-mail, filtered by e-mail or display name; the cursor is the last e-mail seen (no id: e-mails are unique).</summary>
    public async Task<KeysetPage<UserRow>> SearchAsync(string? query, string? cursor, CancellationToken ct = default)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var upper = query.Trim().ToUpperInvariant();
            q = q.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
        }
        if (KeysetCursor.TryDecodeKey(cursor, out var after, out _))
            q = q.Where(u => string.Compare(u.NormalizedEmail, after) > 0);
        var rows = await q.OrderBy(u => u.NormalizedEmail)
            .Select(u => new { u.Id, u.Email, u.NormalizedEmail, u.DisplayName, u.Organisation, u.EmailConfirmed, u.IsBlocked, u.CreatedAt })
            .Take(PageSize + 1).ToListAsync(ct);
        var page = rows.Take(PageSize).ToList();
        var ids = page.Select(r => r.Id).ToList();
        var roles = await RolesOfAsync(ids, ct);
        var items = page.Select(r => new UserRow(r.Id, r.Email ?? "", r.DisplayName, r.Organisation, r.EmailConfirmed, r.IsBlocked, r.CreatedAt,
            roles.TryGetValue(r.Id, out var list) ? list : [])).ToList();
        return new KeysetPage<UserRow>(items, rows.Count > PageSize ? KeysetCursor.Encode(page[^1].NormalizedEmail!, Guid.Empty) : null);
    }

    public async Task<UserRow?> FindAsync(string id, CancellationToken ct = default)
    {
        var u = await db.Users.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Email, x.DisplayName, x.Organisation, x.EmailConfirmed, x.IsBlocked, x.CreatedAt })
            .SingleOrDefaultAsync(ct);
        if (u is null) return null;
        var roles = await RolesOfAsync([id], ct);
        return new UserRow(u.Id, u.Email ?? "", u.DisplayName, u.Organisation, u.EmailConfirmed, u.IsBlocked, u.CreatedAt,
            roles.TryGetValue(id, out var list) ? list : []);
    }

    /// <summary>Grants or removes a role. The new role set reaches the user's session at the next security-stamp check (≤ 1 minute).</summary>
    public async Task<RoleChangeOutcome> ChangeRoleAsync(string actorUserId, string userId, string role, bool grant, CancellationToken ct = default)
    {
        if (!Roles.All.Contains(role)) return RoleChangeOutcome.UnknownRole;
        if (!grant && role == Roles.Administrator && actorUserId == userId) return RoleChangeOutcome.CannotRemoveOwnAdministrator;
        var user = await users.FindByIdAsync(userId);
        if (user is null) return RoleChangeOutcome.UnknownUser;
        if (await users.IsInRoleAsync(user, role) == grant) return RoleChangeOutcome.NothingToChange;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = grant ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        audit.Record(actorUserId, grant ? "role.granted" : "role.removed", "user", user.Id, role);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RoleChangeOutcome.Done;
    }

    private async Task<Dictionary<string, List<string>>> RolesOfAsync(IReadOnlyList<string> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0) return [];
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key,
            g => g.Select(p => p.Name!).OrderBy(n => Roles.All.ToList().IndexOf(n)).ToList());
    }
}
