using OpenGov.SharedKernel.Csv;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.Consultation.Associations;

public sealed record AssociationRow(Guid Id, string Name, string? Acronym, string Region, string Themes, string? Website, string? PublicContact, int MemberCount);

public sealed record AssociationDetails(Guid Id, string Name, string? Acronym, string Region, IReadOnlyList<string> Themes, string? Website,
    string? PublicContact, string Description, AssociationStatus Status, string? RejectionReason, DateTime CreatedAt, DateTime? VerifiedAt,
    int MemberCount, IReadOnlyList<MemberRow> Members, MemberRow? Me);

public sealed record MemberRow(Guid Id, string UserId, string DisplayName, MemberRole Role, MembershipStatus Status, DateTime RequestedAt);

public sealed record PendingAssociation(Guid Id, string Name, string? Acronym, string Region, DateTime CreatedAt);

/// <summary>Read side of the register: the public directory (verified associations only), its CSV export and the association page.</summary>
public sealed class AssociationDirectory(DbContext db, ICommunityContacts contacts)
{
    public const int PageSize = 25;

    private IQueryable<Association> Filtered(string? region, string? theme)
    {
        var q = db.Set<Association>().Where(a => a.Status == AssociationStatus.Verified);
        if (!string.IsNullOrWhiteSpace(region)) q = q.Where(a => a.Region == region);
        if (!string.IsNullOrWhiteSpace(theme))
        {
            var needle = "," + theme + ",";
            q = q.Where(a => ("," + a.Themes + ",").Contains(needle));
        }
        return q;
    }

    private static IQueryable<AssociationRow> Project(IQueryable<Association> q) => q.Select(a => new AssociationRow(a.Id, a.Name, a.Acronym, a.Region,
        a.Themes, a.Website, a.PublicContact, a.Members.Count(m => m.Status == MembershipStatus.Approved)));

    /// <summary>Alphabetical, by keyset on (name, id).</summary>
    public async Task<KeysetPage<AssociationRow>> ListAsync(string? region, string? theme, string? cursor, CancellationToken ct = default)
    {
        var q = Filtered(region, theme);
        if (KeysetCursor.TryDecodeKey(cursor, out string name, out Guid id))
            q = q.Where(a => string.Compare(a.Name, name) > 0 || (a.Name == name && a.Id.CompareTo(id) > 0));
        var rows = await Project(q.OrderBy(a => a.Name).ThenBy(a => a.Id)).Take(PageSize + 1).ToListAsync(ct);
        var next = rows.Count > PageSize ? KeysetCursor.Encode(rows[PageSize - 1].Name, rows[PageSize - 1].Id) : null;
        return new KeysetPage<AssociationRow>(rows.Take(PageSize).ToList(), next);
    }

    /// <summary>The filtered directory as CSV (<see cref="CsvTable"/>: UTF-8 with BOM, formulas defused).</summary>
    public Task<byte[]> ExportCsvAsync(string? region, string? theme, CancellationToken ct = default)
        => CsvTable.ToBytesAsync(async csv =>
        {
            await csv.RowAsync(["name", "acronym", "region", "themes", "website", "public_contact", "members"]);
            await foreach (var r in Project(Filtered(region, theme).OrderBy(a => a.Name).ThenBy(a => a.Id)).AsAsyncEnumerable().WithCancellation(ct))
                await csv.RowAsync([r.Name, r.Acronym, r.Region, r.Themes, r.Website, r.PublicContact, r.MemberCount]);
        });

    /// <summary>A verified association is public; a pending or rejected one only to its members and to moderators.</summary>
    public async Task<AssociationDetails?> GetAsync(Guid id, string? viewerId, bool viewerIsModerator, CancellationToken ct = default)
    {
        var a = await db.Set<Association>().AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var mine = viewerId is null ? null : a.Members.FirstOrDefault(m => m.UserId == viewerId);
        if (!a.IsVerified && !viewerIsModerator && mine is not { Status: MembershipStatus.Approved }) return null;
        var isRepresentative = viewerId is not null && a.IsRepresentative(viewerId);
        // The public sees approved members; representatives and moderators also see pending requests.
        var visible = a.Members.Where(m => m.Status == MembershipStatus.Approved
            || ((isRepresentative || viewerIsModerator) && m.Status == MembershipStatus.Requested)).ToList();
        var names = (await contacts.FindAsync(visible.Select(m => m.UserId).Append(viewerId ?? "").Where(x => x.Length > 0).Distinct().ToList(), ct))
            .ToDictionary(c => c.UserId, c => c.DisplayName);
        MemberRow Row(AssociationMember m) => new(m.Id, m.UserId, names.GetValueOrDefault(m.UserId, "?"), m.Role, m.Status, m.RequestedAt);
        return new AssociationDetails(a.Id, a.Name, a.Acronym, a.Region, a.Themes.Split(',', StringSplitOptions.RemoveEmptyEntries), a.Website,
            a.PublicContact, a.Description, a.Status, a.RejectionReason, a.CreatedAt, a.VerifiedAt,
            a.Members.Count(m => m.Status == MembershipStatus.Approved),
            visible.OrderByDescending(m => m.Role).ThenBy(m => m.RequestedAt).Select(Row).ToList(), mine is null ? null : Row(mine));
    }

    public Task<List<PendingAssociation>> PendingVerificationAsync(CancellationToken ct = default)
        => db.Set<Association>().Where(a => a.Status == AssociationStatus.PendingVerification).OrderBy(a => a.CreatedAt)
            .Select(a => new PendingAssociation(a.Id, a.Name, a.Acronym, a.Region, a.CreatedAt)).Take(200).ToListAsync(ct);

    /// <summary>The associations a user belongs to or asked to join, whatever their status, for "my associations".</summary>
    public Task<List<MyAssociation>> OfUserAsync(string userId, CancellationToken ct = default)
        => (from m in db.Set<AssociationMember>()
            join a in db.Set<Association>() on m.AssociationId equals a.Id
            where m.UserId == userId
            orderby a.Name
            select new MyAssociation(a.Id, a.Name, a.Status, m.Role, m.Status)).ToListAsync(ct);
}

public sealed record MyAssociation(Guid Id, string Name, AssociationStatus Status, MemberRole Role, MembershipStatus Membership);
