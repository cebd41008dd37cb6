namespace OpenGov.Consultation;

/// <summary>Well-known ids of demo records, so that each feature's demo seeder can attach to the others' data.</summary>
public static class DemoIds
{
    /// <summary>The co-creation cycle of the third National Action Plan (2024), from the February 2024 steering-committee minutes.</summary>
    public static readonly Guid Cycle2024 = new("3a0e5c0b-2024-4d4e-9a11-000000000003");
}
