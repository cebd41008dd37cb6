using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace OpenGov.SharedKernel.Text;

/// <summary>
/// The one rule for "possibly out of date" translations: saving the side-by-side form records, per field and language,
/// a hash of the French each translation was made from (<see cref="TranslationSource"/>); a translation whose French
/// original has changed since is flagged on the form and counted in its completeness, until it is saved again.
/// Works for every kind, whatever module owns it, since it compares the French the module loads.
/// </summary>
public sealed class TranslationFreshness(DbContext db, TimeProvider clock, IEnumerable<ITranslatableTexts> modules)
{
    /// <summary>Per kind, the items that have records, read once per request (this service is scoped) for lists.</summary>
    private readonly Dictionary<string, HashSet<Guid>> _recorded = [];

    /// <summary>Saves the texts through the module, then records what each translation was made from, in one transaction.
    /// A translation left as it was while its French changed in this same save keeps its older record (it was not
    /// re-translated, so it is flagged); saving it again with the French unchanged confirms it.</summary>
    public async Task SaveAsync(ITranslatableTexts module, string kind, Guid id, IReadOnlyList<LocalizedText> values, string actorUserId,
        CancellationToken ct = default)
    {
        _recorded.Remove(kind);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = (await module.LoadAsync(kind, id, ct))?.Fields.ToDictionary(f => f.SourceKey, f => f.Value) ?? [];
        await module.SaveAsync(kind, id, values, actorUserId, ct);
        // Read back: the French as the entity keeps it (trimmed, normalised) is what later loads compare with.
        if (await module.LoadAsync(kind, id, ct) is { } saved)
        {
            var existing = await db.Set<TranslationSource>().Where(s => s.Kind == kind && s.ItemId == id).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var field in saved.Fields)
                foreach (var language in LocalizedText.Translations)
                {
                    var row = existing.FirstOrDefault(s => s.FieldKey == field.SourceKey && s.Language == language);
                    if (!field.Value.Has(language)) { if (row is not null) db.Remove(row); continue; }
                    var old = before.GetValueOrDefault(field.SourceKey);
                    var from = old is not null && old.Fr != field.Value.Fr && old.In(language) == field.Value.In(language) ? old.Fr : field.Value.Fr;
                    if (row is null) db.Add(new TranslationSource(kind, id, field.SourceKey, language, Hash(from), now));
                    else if (from == field.Value.Fr) row.TranslatedFrom(Hash(from), now);
                }
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The form with each field's out-of-date languages: a translation present, recorded from another French.</summary>
    public async Task<TranslationForm> FlagAsync(TranslationForm form, CancellationToken ct = default)
    {
        var sources = await db.Set<TranslationSource>().AsNoTracking().Where(s => s.Kind == form.Kind && s.ItemId == form.Id)
            .Select(s => new { s.FieldKey, s.Language, s.FrenchHash }).ToListAsync(ct);
        if (sources.Count == 0) return form;
        var fields = form.Fields.Select(f =>
        {
            var hash = Hash(f.Value.Fr);
            var stale = LocalizedText.Translations.Where(l => f.Value.Has(l)
                && sources.Any(s => s.FieldKey == f.SourceKey && s.Language == l && s.FrenchHash != hash)).ToList();
            return stale.Count == 0 ? f : f with { Stale = stale };
        }).ToList();
        return form with { Fields = fields };
    }

    /// <summary>How many of an item's translations are flagged, for the completeness shown beside it in lists: the items of a
    /// kind that have records are read once per request, so a list costs one query, plus a load per item with records.</summary>
    public async Task<int> StaleCountAsync(string kind, Guid id, CancellationToken ct = default)
    {
        if (!_recorded.TryGetValue(kind, out var recorded))
            _recorded[kind] = recorded = [.. await db.Set<TranslationSource>().Where(s => s.Kind == kind).Select(s => s.ItemId).Distinct().ToListAsync(ct)];
        if (!recorded.Contains(id) || modules.FirstOrDefault(m => m.Kinds.Contains(kind)) is not { } module) return 0;
        return await module.LoadAsync(kind, id, ct) is { } form ? (await FlagAsync(form, ct)).Coverage.Stale : 0;
    }

    private static string Hash(string french) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(french)));
}
