using Microsoft.EntityFrameworkCore;

namespace OpenGov.Consultation.Associations;

public sealed record AssociationRef(Guid Id, string Name, string? Acronym);

/// <summary>
/// The one question other features ask of the register: may this user speak on behalf of this association?
/// Only approved members of a verified association may.
/// </summary>
public sealed class AssociationMembership(DbContext db)
{
    public Task<bool> CanActForAsync(string userId, Guid associationId, CancellationToken ct = default)
        => db.Set<AssociationMember>().AnyAsync(m => m.UserId == userId && m.AssociationId == associationId
            && m.Status == MembershipStatus.Approved
            && db.Set<Association>().Any(a => a.Id == associationId && a.Status == AssociationStatus.Verified), ct);

    public async Task<IReadOnlyList<AssociationRef>> VerifiedAssociationsOfAsync(string userId, CancellationToken ct = default)
    {
        var ids = db.Set<AssociationMember>().Where(m => m.UserId == userId && m.Status == MembershipStatus.Approved).Select(m => m.AssociationId);
        return await db.Set<Association>().Where(a => a.Status == AssociationStatus.Verified && ids.Contains(a.Id))
            .OrderBy(a => a.Name).Select(a => new AssociationRef(a.Id, a.Name, a.Acronym)).ToListAsync(ct);
    }

    /// <summary>Forum membership: any approved member of any verified association.</summary>
    public Task<bool> IsForumMemberAsync(string userId, CancellationToken ct = default)
        => db.Set<AssociationMember>().AnyAsync(m => m.UserId == userId && m.Status == MembershipStatus.Approved
            && db.Set<Association>().Any(a => a.Id == m.AssociationId && a.Status == AssociationStatus.Verified), ct);
}
