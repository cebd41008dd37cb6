using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Follows;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Consultation.Sheets;

/// <summary>Administrators' consultation actions.</summary>
public sealed class SheetAdministration(DbContext db, TimeProvider clock, IAuditLog audit, IOutbox outbox, SheetEditing editing)
{
    public async Task ExtendAsync(string adminUserId, Guid sheetId, DateTime newClose, string reason, CancellationToken ct = default)
    {
        var sheet = await db.Set<Sheet>().Include(s => s.Extensions).FirstOrDefaultAsync(s => s.Id == sheetId, ct)
            ?? throw DomainException.NotFound("UnknownSheet");
        var now = clock.GetUtcNow().UtcDateTime;
        var extension = sheet.ExtendConsultation(newClose, reason, adminUserId, now);
        db.Add(extension);
        audit.Record(adminUserId, "sheet.consultation-extended", "sheet", sheet.Id.ToString(),
            $"{extension.PreviousClose:O} → {extension.NewClose:O}: {extension.Reason}");
        var followers = await db.Set<Follow>().Where(f => f.Target == FollowTarget.Sheet && f.TargetId == sheetId).Select(f => f.UserId).ToListAsync(ct);
        var title = await editing.PublishedTitleAsync(sheet, ct);
        foreach (var follower in followers)
            outbox.Enqueue(OutgoingMail.FromTemplate("sheet.consultation.extended", follower, "SheetsText:Mail.Extended",
                editing.Values(sheet, title, ("closes", MailValue.Instant(newClose)), ("reason", extension.Reason)),
                $"sheet-extended:{sheet.Id:N}:{follower}:{newClose.Ticks}"));
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> CreateAgencyAsync(string adminUserId, string name, string? acronym, CancellationToken ct = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw DomainException.Rule("NameRequired");
        // The columns' limits (AgencyConfiguration): PostgreSQL refuses longer text where SQLite would store it.
        if (trimmed.Length > 300 || acronym?.Trim().Length > 50) throw DomainException.Rule("NameTooLong");
        if (await db.Set<Agency>().AnyAsync(a => a.Name == trimmed, ct)) throw DomainException.Rule("AgencyAlreadyExists");
        var agency = new Agency(Guid.NewGuid(), trimmed, acronym);
        db.Add(agency);
        audit.Record(adminUserId, "agency.created", "agency", agency.Id.ToString(), agency.Name);
        await db.SaveChangesAsync(ct);
        return agency.Id;
    }

    public async Task LinkEditorAsync(string adminUserId, Guid agencyId, string editorUserId, CancellationToken ct = default)
    {
        if (!await db.Set<Agency>().AnyAsync(a => a.Id == agencyId, ct)) throw DomainException.NotFound("UnknownAgency");
        if (await db.Set<AgencyEditor>().AnyAsync(e => e.AgencyId == agencyId && e.UserId == editorUserId, ct)) return;
        db.Add(new AgencyEditor(agencyId, editorUserId, clock.GetUtcNow().UtcDateTime));
        audit.Record(adminUserId, "agency.editor-linked", "agency", agencyId.ToString(), editorUserId);
        await db.SaveChangesAsync(ct);
    }

    public async Task UnlinkEditorAsync(string adminUserId, Guid agencyId, string editorUserId, CancellationToken ct = default)
    {
        var links = await db.Set<AgencyEditor>().Where(e => e.AgencyId == agencyId && e.UserId == editorUserId).ToListAsync(ct);
        db.RemoveRange(links);
        audit.Record(adminUserId, "agency.editor-unlinked", "agency", agencyId.ToString(), editorUserId);
        await db.SaveChangesAsync(ct);
    }
}
