using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Associations;

namespace OpenGov.Web.Identity;

/// <summary>The community features' view of Identity users: confirmed e-mail, public name and preferred language.
/// Blocked users are not written to.</summary>
public sealed class IdentityCommunityContacts(UserManager<AppUser> users) : ICommunityContacts
{
    public async Task<IReadOnlyList<CommunityContact>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return [];
        var ids = userIds.Distinct().ToList();
        return await users.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsBlocked && u.Email != null)
            .Select(u => new CommunityContact(u.Id, u.Email!, u.DisplayName == "" ? u.UserName ?? "?" : u.DisplayName, u.PreferredCulture))
            .ToListAsync(ct);
    }
}
