using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.Tracking.Plans;

/// <summary>
/// Seeds the 2018-2020 plan from its self-assessment report (embedded JSON), published; the demo administration
/// editor is the project lead of the Administration Reform department's commitments (1, 2, 6, 8, 9, 10, 18).
/// </summary>
internal sealed class PlanDemoSeeder(DbContext db, TimeProvider clock, CommitmentIndexing indexing) : IDemoSeeder
{
    public int Order => 50;

    public async Task SeedAsync(DemoContext context, CancellationToken ct)
    {
        if (await db.Set<Plan>().AnyAsync(p => p.Id == PlanSeed.Plan2018Id, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var (plan, commitments) = PlanSeed.Build(PlanSeed.Load2018To2020(), now);
        if (context.UserIdsByRole.TryGetValue("AdministrationEditor", out var editor) && !string.IsNullOrEmpty(editor))
            foreach (var c in commitments.Where(c => c.LeadAgency.StartsWith("Département de la Réforme", StringComparison.Ordinal)))
                c.AssignLead(editor);
        plan.Publish(now);
        db.Add(plan);
        db.AddRange(commitments);
        await indexing.IndexPlanAsync(plan.Id, commitments, ct);
        await db.SaveChangesAsync(ct);
    }
}
