using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Consultation.Associations;

public sealed record AssociationInput(string Name, string? Acronym, string Region, IReadOnlyCollection<string> Themes,
    string? Website, string? PublicContact, string Description);

/// <summary>The register's use cases: registration, verification by a moderator, membership requests decided by a representative.
/// Each change, its audit entry and its e-mails are saved together.</summary>
public sealed class AssociationRegister(DbContext db, TimeProvider clock, IAuditLog audit, IOutbox outbox,
    ICommunityContacts contacts, CommunityThemes themes)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid> RegisterAsync(string userId, AssociationInput input, CancellationToken ct = default)
    {
        var themeCodes = await ValidThemesAsync(input.Themes, ct);
        if (!Regions.IsValid(input.Region)) throw DomainException.Rule("UnknownRegion");
        if (input.Website is { Length: > 0 } w && !(Uri.TryCreate(w, UriKind.Absolute, out var u) && (u.Scheme == "http" || u.Scheme == "https")))
            throw DomainException.Rule("WebsiteMustHttpHttpsAddress");
        var name = input.Name.Trim();
        if (await db.Set<Association>().AnyAsync(a => a.Name == name && a.Status != AssociationStatus.Rejected, ct))
            throw DomainException.Rule("AssociationWithNameAlreadyRegistered");
        var association = new Association(Guid.NewGuid(), name, input.Acronym, input.Region, string.Join(',', themeCodes),
            input.Website, input.PublicContact, input.Description, userId, Now);
        db.Add(association);
        audit.Record(userId, "association.registered", nameof(Association), association.Id.ToString());
        await db.SaveChangesAsync(ct);
        return association.Id;
    }

    public async Task VerifyAsync(string moderatorId, Guid associationId, string associationUrl, CancellationToken ct = default)
    {
        var association = await LoadAsync(associationId, ct);
        association.Verify(moderatorId, Now);
        audit.Record(moderatorId, "association.verified", nameof(Association), associationId.ToString());
        await MailRepresentativesAsync(association, "association.verified", "association.verified", [association.Name, associationUrl], ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task RejectAsync(string moderatorId, Guid associationId, string reason, string associationUrl, CancellationToken ct = default)
    {
        var association = await LoadAsync(associationId, ct);
        association.Reject(moderatorId, reason, Now);
        audit.Record(moderatorId, "association.rejected", nameof(Association), associationId.ToString(), reason);
        await MailRepresentativesAsync(association, "association.verified", "association.rejected", [association.Name, associationUrl, reason.Trim()], ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task RequestMembershipAsync(string userId, Guid associationId, string associationUrl, CancellationToken ct = default)
    {
        var association = await LoadAsync(associationId, ct);
        if (association.Status == AssociationStatus.Rejected) throw DomainException.Rule("AssociationNotRegister");
        association.RequestMembership(userId, Now);
        var requester = await contacts.FindAsync([userId], ct) is [var me, ..] ? me.DisplayName : "?";
        audit.Record(userId, "membership.requested", nameof(Association), associationId.ToString());
        await MailRepresentativesAsync(association, "membership.requested", "membership.requested", [association.Name, associationUrl, requester], ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Only a representative of the association may decide; the entity enforces it.</summary>
    public async Task DecideMembershipAsync(string deciderId, Guid associationId, Guid memberId, bool approve, string associationUrl, CancellationToken ct = default)
    {
        var association = await LoadAsync(associationId, ct);
        association.DecideMembership(memberId, approve, deciderId, Now);
        var member = association.Members.First(m => m.Id == memberId);
        audit.Record(deciderId, approve ? "membership.approved" : "membership.rejected", nameof(AssociationMember), memberId.ToString(),
            $"association={associationId}; user={member.UserId}");
        foreach (var to in await contacts.FindAsync([member.UserId], ct))
            outbox.Enqueue(CommunityMail.Compose("membership.decided", approve ? "membership.approved" : "membership.rejected", to,
                null, association.Name, associationUrl));
        await db.SaveChangesAsync(ct);
    }

    private async Task<Association> LoadAsync(Guid id, CancellationToken ct)
        => await db.Set<Association>().Include(a => a.Members).FirstOrDefaultAsync(a => a.Id == id, ct)
           ?? throw DomainException.NotFound("UnknownAssociation");

    private async Task<IReadOnlyList<string>> ValidThemesAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var known = (await themes.CurrentAsync(ct)).Select(t => t.Code).ToHashSet();
        var chosen = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().ToList();
        if (chosen.Count == 0) throw DomainException.Rule("ChooseLeastOneTheme");
        if (chosen.Any(c => !known.Contains(c))) throw DomainException.Rule("UnknownTheme");
        return chosen;
    }

    private async Task MailRepresentativesAsync(Association association, string category, string template, object[] args, CancellationToken ct)
    {
        var ids = association.Members.Where(m => m.Role == MemberRole.Representative && m.Status == MembershipStatus.Approved).Select(m => m.UserId).ToList();
        foreach (var to in await contacts.FindAsync(ids, ct))
            // No dedup key: the mail is enqueued in the same transaction as the change, so it cannot be sent twice.
            outbox.Enqueue(CommunityMail.Compose(category, template, to, null, args));
    }
}
