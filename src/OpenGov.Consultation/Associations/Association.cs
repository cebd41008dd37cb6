using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
namespace OpenGov.Consultation.Associations;

public enum AssociationStatus { PendingVerification = 0, Verified = 1, Rejected = 2 }
public enum MemberRole { Member = 0, Representative = 1 }
public enum MembershipStatus { Requested = 0, Approved = 1, Rejected = 2, Left = 3 }

/// <summary>
/// A civil-society association in the public register. Registered by a user (who becomes its representative),
/// verified by a moderator. Only verified associations' approved members may speak "as the association".
/// </summary>
public sealed class Association
{
    private readonly List<AssociationMember> _members = [];

    private Association() { }

    public Association(Guid id, string name, string? acronym, string region, string themes, string? website,
        string? publicContact, string description, string registeredByUserId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(registeredByUserId);
        if (!SharedKernel.Regions.IsValid(region)) throw DomainException.Rule("UnknownRegion");
        Id = id;
        Name = SingleLineText.Trim(name, "Name");
        Acronym = SingleLineText.TrimOrNull(acronym, "Acronym");
        Region = region;
        Themes = themes ?? "";
        Website = string.IsNullOrWhiteSpace(website) ? null : website.Trim();
        PublicContact = string.IsNullOrWhiteSpace(publicContact) ? null : publicContact.Trim();
        Description = description ?? "";
        RegisteredByUserId = registeredByUserId;
        CreatedAt = now;
        Status = AssociationStatus.PendingVerification;
        _members.Add(new AssociationMember(Guid.NewGuid(), id, registeredByUserId, MemberRole.Representative, MembershipStatus.Approved, now));
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Acronym { get; private set; }
    public string Region { get; private set; } = SharedKernel.Regions.National;
    /// <summary>Comma-separated theme codes (the cycle axes' codes, e.g. "access-to-information,integrity").</summary>
    public string Themes { get; private set; } = "";
    public string? Website { get; private set; }
    public string? PublicContact { get; private set; }
    public string Description { get; private set; } = "";
    public string RegisteredByUserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public AssociationStatus Status { get; private set; }
    public DateTime? VerifiedAt { get; private set; }
    public string? VerifiedByUserId { get; private set; }
    public string? RejectionReason { get; private set; }

    public IReadOnlyList<AssociationMember> Members => _members;

    public bool IsVerified => Status == AssociationStatus.Verified;

    public void UpdateProfile(string name, string? acronym, string region, string themes, string? website, string? publicContact, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!SharedKernel.Regions.IsValid(region)) throw DomainException.Rule("UnknownRegion");
        Name = SingleLineText.Trim(name, "Name");
        Acronym = SingleLineText.TrimOrNull(acronym, "Acronym");
        Region = region;
        Themes = themes ?? "";
        Website = string.IsNullOrWhiteSpace(website) ? null : website.Trim();
        PublicContact = string.IsNullOrWhiteSpace(publicContact) ? null : publicContact.Trim();
        Description = description ?? "";
    }

    public void Verify(string moderatorUserId, DateTime now)
    {
        if (Status == AssociationStatus.Verified) throw DomainException.Rule("AssociationAlreadyVerified");
        Status = AssociationStatus.Verified;
        VerifiedAt = now;
        VerifiedByUserId = moderatorUserId;
        RejectionReason = null;
    }

    public void Reject(string moderatorUserId, string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw DomainException.Rule("ReasonRequired");
        Status = AssociationStatus.Rejected;
        VerifiedAt = now;
        VerifiedByUserId = moderatorUserId;
        RejectionReason = reason.Trim();
    }

    public bool IsRepresentative(string userId) => _members.Any(m => m.UserId == userId
        && m.Role == MemberRole.Representative && m.Status == MembershipStatus.Approved);

    public bool IsApprovedMember(string userId) => _members.Any(m => m.UserId == userId && m.Status == MembershipStatus.Approved);

    public AssociationMember RequestMembership(string userId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var existing = _members.FirstOrDefault(m => m.UserId == userId);
        if (existing is { Status: MembershipStatus.Approved or MembershipStatus.Requested })
            throw DomainException.Rule("YouAreAlreadyMemberHavePendingRequest");
        if (existing is not null)
        {
            existing.Reopen(now);
            return existing;
        }
        var member = new AssociationMember(Guid.NewGuid(), Id, userId, MemberRole.Member, MembershipStatus.Requested, now);
        _members.Add(member);
        return member;
    }

    /// <summary>Only an approved representative decides on membership requests.</summary>
    public void DecideMembership(Guid memberId, bool approve, string deciderUserId, DateTime now)
    {
        if (!IsRepresentative(deciderUserId)) throw DomainException.Forbidden("RepresentativeAssociationDecideMembership");
        var member = _members.FirstOrDefault(m => m.Id == memberId) ?? throw DomainException.Rule("UnknownMembershipRequest");
        member.Decide(approve, deciderUserId, now);
    }
}

public sealed class AssociationMember
{
    private AssociationMember() { }

    internal AssociationMember(Guid id, Guid associationId, string userId, MemberRole role, MembershipStatus status, DateTime now)
    {
        Id = id;
        AssociationId = associationId;
        UserId = userId;
        Role = role;
        Status = status;
        RequestedAt = now;
        if (status == MembershipStatus.Approved) DecidedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AssociationId { get; private set; }
    public string UserId { get; private set; } = "";
    public MemberRole Role { get; private set; }
    public MembershipStatus Status { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }

    internal void Decide(bool approve, string deciderUserId, DateTime now)
    {
        if (Status != MembershipStatus.Requested) throw DomainException.Rule("RequestWasAlreadyDecided");
        Status = approve ? MembershipStatus.Approved : MembershipStatus.Rejected;
        DecidedAt = now;
        DecidedByUserId = deciderUserId;
    }

    internal void Reopen(DateTime now)
    {
        Status = MembershipStatus.Requested;
        RequestedAt = now;
        DecidedAt = null;
        DecidedByUserId = null;
    }
}
