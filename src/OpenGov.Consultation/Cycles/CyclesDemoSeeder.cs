using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.Consultation.Cycles;

/// <summary>
/// The third action plan's co-creation cycle (2024). Its steps come from the 22 February 2024 steering-committee
/// minutes: idea collection, then drafting of commitment sheets with the administrations, public consultation,
/// adoption, and publication of the feedback and of a synthesis report.
/// </summary>
internal sealed class CyclesDemoSeeder(DbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 10;

    /// <summary>A demo cycle whose idea collection is open when the demo is seeded, so that a visitor can submit at once.</summary>
    public static readonly Guid OpenCycleId = new("3a0e5c0b-2026-4d4e-9a11-000000000004");

    public async Task SeedAsync(DemoContext context, CancellationToken ct)
    {
        await SeedOpenCycleAsync(ct);
        if (await db.Set<Cycle>().AnyAsync(c => c.Id == DemoIds.Cycle2024, ct)) return;
        var cycle = new Cycle(DemoIds.Cycle2024,
            "Co-création du troisième Plan d'Action National du gouvernement ouvert (2024-2027)",
            """
            Le Maroc co-construit son **troisième Plan d'Action National** (PAN3) avec la société civile.
            Les idées recueillies auprès des citoyens, des associations et des administrations nourrissent les projets
            d'engagements, rédigés par les institutions publiques puis soumis à la consultation publique.

            Étapes validées par le comité de pilotage du 22 février 2024 : réunions de coordination avec les administrations,
            consultation publique sur les projets d'engagements, finalisation et adoption du PAN3, publication du retour
            sur chaque idée — y compris celles qui n'ont pas été retenues — puis d'un rapport synthétique.
            """,
            2024, 2027, clock.GetUtcNow().UtcDateTime);
        cycle.AddAxis("access-to-information", "Accès à l'information", "الحق في الحصول على المعلومات", "Access to information");
        cycle.AddAxis("integrity", "Intégrité et lutte contre la corruption", "النزاهة ومكافحة الفساد", "Integrity and anti-corruption");
        cycle.AddAxis("budget-transparency", "Transparence budgétaire", "شفافية الميزانية", "Budget transparency");
        cycle.AddAxis("citizen-participation", "Participation citoyenne", "المشاركة المواطنة", "Citizen participation");
        cycle.AddAxis("communication", "Communication et sensibilisation", "التواصل والتحسيس", "Communication and awareness");
        cycle.AddAxis("local-open-government", "Gouvernement ouvert local", "الحكومة المنفتحة المحلية", "Local open government");
        static DateTime D(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);
        cycle.SetPhase(PhaseKind.ProposalCollection, D(2023, 10, 1), D(2023, 12, 31));
        cycle.SetPhase(PhaseKind.Prioritisation, D(2024, 1, 1), D(2024, 2, 1));
        cycle.SetPhase(PhaseKind.Drafting, D(2024, 2, 1), D(2024, 4, 1));
        cycle.SetPhase(PhaseKind.PublicConsultation, D(2024, 4, 1), D(2024, 5, 1));
        cycle.SetPhase(PhaseKind.Adoption, D(2024, 5, 1), D(2024, 7, 1));
        cycle.SetPhase(PhaseKind.Feedback, D(2024, 7, 1), D(2024, 10, 1));
        db.Add(cycle);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedOpenCycleAsync(CancellationToken ct)
    {
        if (await db.Set<Cycle>().AnyAsync(c => c.Id == OpenCycleId, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = new DateTime(now.Year, now.Month, now.Day, 0, 0, 0, DateTimeKind.Utc);
        var cycle = new Cycle(OpenCycleId,
            "Gouvernement ouvert local : idées pour les communes (démonstration)",
            """
            Cycle de **démonstration** : la collecte des idées est ouverte. Proposez une idée pour rendre l'action
            publique locale plus transparente et plus participative ; les modérateurs la publient après relecture.
            """,
            now.Year + 1, now.Year + 3, now);
        cycle.AddAxis("access-to-information", "Accès à l'information", "الحق في الحصول على المعلومات", "Access to information");
        cycle.AddAxis("budget-transparency", "Transparence budgétaire", "شفافية الميزانية", "Budget transparency");
        cycle.AddAxis("citizen-participation", "Participation citoyenne", "المشاركة المواطنة", "Citizen participation");
        cycle.AddAxis("integrity", "Intégrité et lutte contre la corruption", "النزاهة ومكافحة الفساد", "Integrity and anti-corruption");
        cycle.SetPhase(PhaseKind.ProposalCollection, today.AddDays(-10), today.AddDays(50));
        cycle.SetPhase(PhaseKind.Prioritisation, today.AddDays(50), today.AddDays(80));
        cycle.SetPhase(PhaseKind.Drafting, today.AddDays(80), today.AddDays(140));
        cycle.SetPhase(PhaseKind.PublicConsultation, today.AddDays(140), today.AddDays(170));
        cycle.SetPhase(PhaseKind.Adoption, today.AddDays(170), today.AddDays(230));
        cycle.SetPhase(PhaseKind.Feedback, today.AddDays(230), today.AddDays(320));
        db.Add(cycle);
        await db.SaveChangesAsync(ct);
    }
}
