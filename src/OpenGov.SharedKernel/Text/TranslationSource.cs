namespace OpenGov.SharedKernel.Text;

/// <summary>What one translation (an item's field in one language) was translated from: a hash of the French original
/// when the translation was last saved on the side-by-side form. A French original that no longer matches marks the
/// translation "possibly out of date" until it is saved again; no row (translations older than this record) marks nothing.</summary>
public sealed class TranslationSource
{
    private TranslationSource() { }

    internal TranslationSource(string kind, Guid itemId, string fieldKey, string language, string frenchHash, DateTime at)
    {
        Kind = kind;
        ItemId = itemId;
        FieldKey = fieldKey;
        Language = language;
        FrenchHash = frenchHash;
        SavedAt = at;
    }

    public string Kind { get; private set; } = "";
    public Guid ItemId { get; private set; }
    /// <summary><see cref="TranslatableField.SourceKey"/>: stable across reorderings where the module gives a key (a sheet's activities).</summary>
    public string FieldKey { get; private set; } = "";
    public string Language { get; private set; } = "";
    public string FrenchHash { get; private set; } = "";
    public DateTime SavedAt { get; private set; }

    internal void TranslatedFrom(string frenchHash, DateTime at) => (FrenchHash, SavedAt) = (frenchHash, at);
}
