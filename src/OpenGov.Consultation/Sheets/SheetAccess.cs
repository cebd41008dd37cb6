using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace OpenGov.Consultation.Sheets;

/// <summary>Who may write a sheet: the editors linked to its lead agency (see <see cref="AgencyEditor"/>). Checked by every use case.</summary>
public sealed class SheetAccess(DbContext db)
{
    public async Task<IReadOnlyList<AgencyRef>> AgenciesOfAsync(string userId, CancellationToken ct = default)
        => await db.Set<Agency>().Where(a => db.Set<AgencyEditor>().Any(e => e.AgencyId == a.Id && e.UserId == userId))
            .OrderBy(a => a.Name).Select(a => new AgencyRef(a.Id, a.Name, a.Acronym)).ToListAsync(ct);

    public Task<bool> IsEditorOfAgencyAsync(string? userId, Guid agencyId, CancellationToken ct = default)
        => userId is null ? Task.FromResult(false) : db.Set<AgencyEditor>().AnyAsync(e => e.AgencyId == agencyId && e.UserId == userId, ct);

    public async Task<Sheet> SheetForEditorAsync(string userId, Guid sheetId, CancellationToken ct = default)
    {
        var sheet = await db.Set<Sheet>().FirstOrDefaultAsync(s => s.Id == sheetId, ct) ?? throw DomainException.NotFound("UnknownSheet");
        if (!await IsEditorOfAgencyAsync(userId, sheet.AgencyId, ct))
            throw DomainException.Forbidden("EditorsLeadAgencyChangeSheet");
        return sheet;
    }
}
