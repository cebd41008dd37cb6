using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.Sheets;

/// <summary>A sheet's texts side by side in fr/ar/en, edited on the draft by its agency's editors and by administrators
/// (published versions stay frozen: the translations become public with the next version).</summary>
public sealed class SheetTranslations(DbContext db, IAuditLog audit, TimeProvider clock) : ITranslatableTexts
{
    public const string Kind = "sheet";

    public IReadOnlyList<string> Kinds { get; } = [Kind];

    public async Task<TranslationForm?> LoadAsync(string kind, Guid id, CancellationToken ct = default)
    {
        if (kind != Kind) return null;
        var sheet = await db.Set<Sheet>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return sheet is null ? null : new TranslationForm(kind, id, sheet.Title, $"/sheets/{id}",
            sheet.Content.Texts().Select(t => t.Text).ToList(),
            "Note.SheetDraft");
    }

    public Task<bool> MayEditAsync(string kind, Guid id, string userId, CancellationToken ct = default)
        => kind == Kind ? db.Set<Sheet>().AnyAsync(s => s.Id == id
            && db.Set<AgencyEditor>().Any(e => e.AgencyId == s.AgencyId && e.UserId == userId), ct) : Task.FromResult(false);

    public async Task SaveAsync(string kind, Guid id, IReadOnlyList<LocalizedText> values, string actorUserId, CancellationToken ct = default)
    {
        if (kind != Kind) throw DomainException.NotFound("UnknownSheet");
        var sheet = await db.Set<Sheet>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw DomainException.NotFound("UnknownSheet");
        sheet.TranslateDraft(values, clock.GetUtcNow().UtcDateTime);
        audit.Record(actorUserId, "sheet.translated", "sheet", id.ToString());
        await db.SaveChangesAsync(ct);
    }
}
