namespace OpenGov.Consultation.Associations;

/// <summary>How the community features reach a user: the Web host implements this over Identity
/// (users live there; modules only hold user ids).</summary>
public sealed record CommunityContact(string UserId, string Email, string DisplayName, string Culture);

public interface ICommunityContacts
{
    Task<IReadOnlyList<CommunityContact>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default);
}

/// <summary>Until a host registers the real directory: nobody can be reached, names fall back to "?".</summary>
internal sealed class NoCommunityContacts : ICommunityContacts
{
    public Task<IReadOnlyList<CommunityContact>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
        => Task.FromResult<IReadOnlyList<CommunityContact>>([]);
}
