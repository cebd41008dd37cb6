using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace OpenGov.SharedKernel.Outbox;

/// <summary>
/// Anonymous actions that mail an address anyone can type (event registration by e-mail, Open Gov Week submissions) are
/// limited per address, so the platform cannot be used to flood a mailbox with official mail. Counts the outbox.
/// </summary>
public sealed class AddressMailLimit(DbContext db, TimeProvider clock)
{
    public const int PerAddressPerDay = 3;

    public async Task EnsureAllowedAsync(string address, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var normalized = address.Trim().ToLowerInvariant();
        var recent = await db.Set<OutboxMessage>().CountAsync(m => m.RecipientUserId == null && m.ToAddress != null
            && m.ToAddress.ToLower() == normalized && m.CreatedAt >= since, ct);
        if (recent >= PerAddressPerDay) throw DomainException.Rule("TooManyMailsToAddress");
    }
}
