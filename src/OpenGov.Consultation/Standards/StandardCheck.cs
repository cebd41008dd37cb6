namespace OpenGov.Consultation.Standards;

/// <summary>A figure behind a verdict ("meetings": 3), in the order the localized detail sentence uses them.</summary>
public sealed record StandardMeasure(string Name, double Value);

/// <summary>A public record that supports a verdict: a meeting's minutes, a sheet, the plan... <see cref="Kind"/> names it for the page.</summary>
public sealed record StandardEvidence(string Kind, string Label, string Url);

/// <summary>One requirement of the standards, its verdict computed from the platform's records, and the evidence.</summary>
public sealed record StandardCheck(string Key, StandardStatus Status, IReadOnlyList<StandardMeasure> Measures, IReadOnlyList<StandardEvidence> Evidence);

/// <summary>The checklist of a cycle as of <see cref="CheckedAt"/> (computed on each request: never stale).</summary>
public sealed record StandardsChecklist(Guid CycleId, string CycleTitle, DateTime CheckedAt, IReadOnlyList<StandardCheck> Checks)
{
    public int Count(StandardStatus status) => Checks.Count(c => c.Status == status);
}
