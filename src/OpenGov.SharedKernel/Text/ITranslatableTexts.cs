namespace OpenGov.SharedKernel.Text;

/// <summary>
/// A module's official texts edited side by side in fr/ar/en by administrators (one generic back-office form), and by
/// whoever else <see cref="MayEditAsync"/> lets in (a sheet's agency editors).
/// Each module registers one implementation for the kinds it owns ("plan", "commitment", "cycle"...).
/// </summary>
public interface ITranslatableTexts
{
    IReadOnlyList<string> Kinds { get; }

    /// <summary>The item's texts, or null when it does not exist.</summary>
    Task<TranslationForm?> LoadAsync(string kind, Guid id, CancellationToken ct = default);

    /// <summary>Saves every field at once (in the order <see cref="LoadAsync"/> gave them) through the entity's guarded method.</summary>
    Task SaveAsync(string kind, Guid id, IReadOnlyList<LocalizedText> values, string actorUserId, CancellationToken ct = default);

    /// <summary>Whether a user who is not an administrator (administrators edit every kind) may edit this item.</summary>
    Task<bool> MayEditAsync(string kind, Guid id, string userId, CancellationToken ct = default) => Task.FromResult(false);
}

/// <summary>One item's official texts. <see cref="Heading"/> is the item's French title; <see cref="BackPath"/> its management page;
/// <see cref="NoteKey"/>: an optional TranslationText note shown above the form (e.g. when the texts become public).</summary>
public sealed record TranslationForm(string Kind, Guid Id, string Heading, string BackPath, IReadOnlyList<TranslatableField> Fields, string? NoteKey = null)
{
    /// <summary>Completeness, with the translations flagged out of date by <see cref="TranslationFreshness.FlagAsync"/>.</summary>
    public TranslationCoverage Coverage => TranslationCoverage.Of(Fields.Select(f => f.Value)) with { Stale = Fields.Sum(f => f.Stale.Count) };
}

/// <summary>A field: its "Field.x" label key (DomainErrors), whether it spans lines (Markdown), its limit, its value;
/// <see cref="Item"/> numbers one of several fields with the same label (activity 1, activity 2...); <see cref="Key"/>, when
/// the module has one, names the text whatever its position (a sheet's activity by its id).</summary>
public sealed record TranslatableField(string Field, bool Multiline, int MaxLength, bool Required, LocalizedText Value, int? Item = null, string? Key = null)
{
    /// <summary>How <see cref="TranslationFreshness"/> finds the field again.</summary>
    public string SourceKey => Key ?? (Item is { } n ? $"{Field}:{n}" : Field);

    /// <summary>The languages whose translation was made from an older French original ("possibly out of date").</summary>
    public IReadOnlyList<string> Stale { get; init; } = [];
}
