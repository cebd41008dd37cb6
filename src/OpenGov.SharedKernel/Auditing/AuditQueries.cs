using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.SharedKernel.Auditing;

/// <summary>Reads the audit log: newest first, keyset-paginated by id, filtered by action prefix or target.
/// Actor names live in the host's identity store: the host adds them.</summary>
public sealed class AuditQueries(DbContext db)
{
    /// <param name="action">Action or action prefix, e.g. "role." or "role.granted".</param>
    /// <param name="target">A target id (e.g. a user id) or a target type (e.g. "user").</param>
    /// <param name="scope">When given, only actions starting with one of these prefixes (a role's view of the log).</param>
    public async Task<KeysetPage<AuditEntry>> ReadAsync(string? action, string? target, string? cursor, int pageSize,
        IReadOnlyList<string>? scope = null, CancellationToken ct = default)
    {
        var q = db.Set<AuditEntry>().AsNoTracking();
        if (scope is not null) q = q.Where(AnyPrefix(scope));
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
        var rows = await q.OrderByDescending(e => e.Id).Take(pageSize + 1).ToListAsync(ct);
        var items = rows.Take(pageSize).ToList();
        return new KeysetPage<AuditEntry>(items, rows.Count > pageSize ? items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static System.Linq.Expressions.Expression<Func<AuditEntry, bool>> AnyPrefix(IReadOnlyList<string> prefixes)
    {
        var e = System.Linq.Expressions.Expression.Parameter(typeof(AuditEntry), "e");
        var action = System.Linq.Expressions.Expression.Property(e, nameof(AuditEntry.Action));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        System.Linq.Expressions.Expression body = System.Linq.Expressions.Expression.Constant(false);
        foreach (var p in prefixes)
            body = System.Linq.Expressions.Expression.OrElse(body, System.Linq.Expressions.Expression.Call(action, startsWith, System.Linq.Expressions.Expression.Constant(p)));
        return System.Linq.Expressions.Expression.Lambda<Func<AuditEntry, bool>>(body, e);
    }
}
