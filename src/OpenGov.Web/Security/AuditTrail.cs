using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Paging;
using OpenGov.Web.Data;

namespace OpenGov.Web.Security;

public sealed record AuditRow(long Id, DateTime At, string? ActorUserId, string? ActorName, string Action, string TargetType, string TargetId, string? Details);

/// <summary>Reads the audit log for administrators: newest first, keyset-paginated by id, filtered by action prefix or target.</summary>
public sealed class AuditTrail(AppDbContext db)
{
    public const int PageSize = 50;

    /// <param name="action">Action or action prefix, e.g. "role." or "role.granted".</param>
    /// <param name="target">A target id (e.g. a user id) or a target type (e.g. "user").</param>
    public async Task<KeysetPage<AuditRow>> ReadAsync(string? action, string? target, string? cursor, CancellationToken ct = default)
    {
        var q = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            var a = action.Trim();
            q = q.Where(e => e.Action.StartsWith(a));
        }
        if (!string.IsNullOrWhiteSpace(target))
        {
            var t = target.Trim();
            q = q.Where(e => e.TargetId == t || e.TargetType == t);
        }
        if (long.TryParse(cursor, out var before))
            q = q.Where(e => e.Id < before);
        var rows = await (from e in q
                          join u in db.Users on e.ActorUserId equals u.Id into actors
                          from u in actors.DefaultIfEmpty()
                          orderby e.Id descending
                          select new AuditRow(e.Id, e.At, e.ActorUserId, u == null ? null : u.DisplayName, e.Action, e.TargetType, e.TargetId, e.Details))
            .Take(PageSize + 1).ToListAsync(ct);
        var items = rows.Take(PageSize).ToList();
        return new KeysetPage<AuditRow>(items, rows.Count > PageSize ? items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
