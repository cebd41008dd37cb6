using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.Cycles;

/// <summary>Administrators translate a cycle's official texts (title, description) and its axes' names.</summary>
public sealed class CycleTranslations(DbContext db, IAuditLog audit) : ITranslatableTexts
{
    public IReadOnlyList<string> Kinds { get; } = ["cycle", "cycle-axis"];

    public async Task<TranslationForm?> LoadAsync(string kind, Guid id, CancellationToken ct = default)
    {
        if (kind == "cycle")
        {
            var c = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            return c is null ? null : new TranslationForm(kind, id, c.Title, $"/admin/cycles/{c.Id}",
            [
                new("Field.title", false, 300, true, c.TitleText),
                new("Field.description", true, 20000, false, c.DescriptionText),
            ]);
        }
        if (kind == "cycle-axis")
        {
            var a = await db.Set<CycleAxis>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            return a is null ? null : new TranslationForm(kind, id, a.NameFr, $"/admin/cycles/{a.CycleId}",
                [new("Field.name", false, 300, true, a.NameText)]);
        }
        return null;
    }

    public async Task SaveAsync(string kind, Guid id, IReadOnlyList<LocalizedText> values, string actorUserId, CancellationToken ct = default)
    {
        var first = values.Count > 0 ? values[0] : new LocalizedText("");
        if (kind == "cycle")
        {
            var c = await db.Set<Cycle>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("UnknownCycle");
            c.Translate(first, values.Count > 1 ? values[1] : new LocalizedText(""));
            audit.Record(actorUserId, "cycle.translated", nameof(Cycle), id.ToString());
        }
        else if (kind == "cycle-axis")
        {
            var a = await db.Set<CycleAxis>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("UnknownCycle");
            a.Translate(first);
            audit.Record(actorUserId, "cycle.translated", nameof(CycleAxis), id.ToString());
        }
        else throw DomainException.NotFound("UnknownCycle");
        await db.SaveChangesAsync(ct);
    }
}
