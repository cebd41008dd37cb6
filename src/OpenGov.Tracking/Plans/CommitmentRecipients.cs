using Microsoft.EntityFrameworkCore;

namespace OpenGov.Tracking.Plans;

/// <summary>
/// The one rule for who is mailed about a commitment (reminders, information requests): its project leads and its focal
/// point; the focal point's e-mail is the account holding it if there is one (its language), else the bare address in the
/// language chosen with it. Each person once.
/// </summary>
public sealed class CommitmentRecipients(DbContext db, ILeadDirectory directory)
{
    public async Task<ILookup<Guid, CommitmentRecipient>> ForAsync(IReadOnlyCollection<Guid> commitmentIds, CancellationToken ct = default)
    {
        var leads = await db.Set<CommitmentLead>().AsNoTracking().Where(l => commitmentIds.Contains(l.CommitmentId))
            .Select(l => new { l.CommitmentId, l.UserId }).ToListAsync(ct);
        var contacts = await db.Set<Commitment>().AsNoTracking().Where(c => commitmentIds.Contains(c.Id) && c.ContactEmail != null)
            .Select(c => new { c.Id, Email = c.ContactEmail!, c.ContactCulture }).ToListAsync(ct);
        var accounts = contacts.Count == 0 ? new Dictionary<string, string>()
            : await directory.FindIdsByEmailsAsync(contacts.Select(c => c.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), ct);
        return leads.Select(l => (Commitment: l.CommitmentId, Recipient: new CommitmentRecipient(l.UserId, null)))
            .Concat(contacts.Select(c => (Commitment: c.Id, Recipient: accounts.TryGetValue(c.Email, out var id)
                ? new CommitmentRecipient(id, null) : new CommitmentRecipient(null, c.Email, c.ContactCulture))))
            .DistinctBy(x => (x.Commitment, x.Recipient.Key))
            .ToLookup(x => x.Commitment, x => x.Recipient);
    }

    public async Task<IReadOnlyList<CommitmentRecipient>> ForAsync(Guid commitmentId, CancellationToken ct = default)
        => (await ForAsync([commitmentId], ct))[commitmentId].ToList();
}
