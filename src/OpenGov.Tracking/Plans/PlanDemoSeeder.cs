using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.Tracking.Plans;

/// <summary>
/// Seeds the 2018-2020 plan from its self-assessment report (embedded JSON), published; the demo administration
/// editor is the project lead of the Administration Reform department's commitments (1, 2, 6, 8, 9, 10, 18).
/// Every commitment has a focal point (fictitious people at demo addresses): the Administration Reform department's is the
/// demo editor's account, the other agencies' have no account and are mailed at their address.
/// </summary>
internal sealed class PlanDemoSeeder(DbContext db, TimeProvider clock, CommitmentIndexing indexing) : IDemoSeeder
{
    public int Order => 50;

    public async Task SeedAsync(DemoContext context, CancellationToken ct)
    {
        if (await db.Set<Plan>().AnyAsync(p => p.Id == PlanSeed.Plan2018Id, ct))
        {
            // A demo database seeded before focal points existed gets them, once.
            var without = await db.Set<Commitment>().Where(c => c.PlanId == PlanSeed.Plan2018Id && c.ContactEmail == null).ToListAsync(ct);
            foreach (var c in without)
                if (FocalPoints.TryGetValue(c.Number, out var f)) c.SetContact(f.Name, f.Email);
            if (without.Count > 0) await db.SaveChangesAsync(ct);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (plan, commitments) = PlanSeed.Build(PlanSeed.Load2018To2020(), now);
        if (context.UserIdsByRole.TryGetValue("AdministrationEditor", out var editor) && !string.IsNullOrEmpty(editor))
            foreach (var c in commitments.Where(c => c.LeadAgency.StartsWith("Département de la Réforme", StringComparison.Ordinal)))
                c.AssignLead(editor);
        foreach (var c in commitments)
            if (FocalPoints.TryGetValue(c.Number, out var focal)) c.SetContact(focal.Name, focal.Email);
        plan.Publish(now);
        db.Add(plan);
        db.AddRange(commitments);
        await indexing.IndexPlanAsync(plan.Id, commitments, ct);
        await db.SaveChangesAsync(ct);
    }

    private const string Reform = "administration@demo.opengov.ma";
    private const string Parliament = "point-focal.relations-parlement@demo.opengov.ma";
    private const string Budget = "point-focal.budget@demo.opengov.ma";

    /// <summary>By commitment number: one focal point per agency (as in the report's lead agencies).</summary>
    internal static readonly IReadOnlyDictionary<int, (string Name, string Email)> FocalPoints = new Dictionary<int, (string, string)>
    {
        [1] = ("Nadia Administration", Reform),
        [2] = ("Nadia Administration", Reform),
        [3] = ("Rachid Alaoui", "point-focal.archives@demo.opengov.ma"),
        [4] = ("Imane Berrada", "point-focal.add@demo.opengov.ma"),
        [5] = ("Omar Tazi", "point-focal.environnement@demo.opengov.ma"),
        [6] = ("Nadia Administration", Reform),
        [7] = ("Khadija Bennani", "point-focal.inpplc@demo.opengov.ma"),
        [8] = ("Nadia Administration", Reform),
        [9] = ("Nadia Administration", Reform),
        [10] = ("Nadia Administration", Reform),
        [11] = ("Youssef El Idrissi", Budget),
        [12] = ("Youssef El Idrissi", Budget),
        [13] = ("Salma Chraibi", Parliament),
        [14] = ("Salma Chraibi", Parliament),
        [15] = ("Salma Chraibi", Parliament),
        [16] = ("Salma Chraibi", Parliament),
        [17] = ("Salma Chraibi", Parliament),
        [18] = ("Nadia Administration", Reform),
    };
}
