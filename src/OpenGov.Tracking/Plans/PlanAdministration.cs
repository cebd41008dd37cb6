using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Tracking.Plans;

/// <summary>Plain data for adopting a commitment: what the adoption of commitment sheets (a co-creation feature) hands over.
/// Texts come in French with their translations (missing ones null); the string constructors are for French-only data.</summary>
public sealed record AdoptedActivity(LocalizedText Title, double Weight, DateOnly? PlannedStart, DateOnly? PlannedEnd)
{
    public AdoptedActivity(string title, double weight, DateOnly? plannedStart, DateOnly? plannedEnd)
        : this(new LocalizedText(title), weight, plannedStart, plannedEnd) { }
}

public sealed record AdoptedCommitment(int Number, LocalizedText Title, LocalizedText AxisName, string LeadAgency, LocalizedText Problem,
    LocalizedText Description, IReadOnlyList<AdoptedActivity> Activities, Guid? SourceSheetId = null)
{
    public AdoptedCommitment(int number, string title, string axisNameFr, string leadAgency, string problem, string description,
        IReadOnlyList<AdoptedActivity> activities, Guid? sourceSheetId = null)
        : this(number, new LocalizedText(title), new LocalizedText(axisNameFr), leadAgency, new LocalizedText(problem),
            new LocalizedText(description), activities, sourceSheetId) { }
}

/// <summary>Administrators' side: create and edit plans, axes, commitments and activities, assign leads, publish.</summary>
public sealed class PlanAdministration(DbContext db, IAuditLog audit, TimeProvider clock, CommitmentIndexing indexing)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid> CreatePlanAsync(string title, int startYear, int endYear, string actorUserId, CancellationToken ct = default)
    {
        var plan = new Plan(Guid.NewGuid(), title, startYear, endYear, Now);
        db.Add(plan);
        audit.Record(actorUserId, "plan.created", "Plan", plan.Id.ToString(), plan.Title);
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }

    public async Task AddAxisAsync(Guid planId, string nameFr, string? nameAr, string? nameEn, string actorUserId, CancellationToken ct = default)
    {
        var plan = await RequirePlanAsync(planId, ct);
        var axis = plan.AddAxis(nameFr, nameAr, nameEn);
        db.Add(axis);
        audit.Record(actorUserId, "plan.axis-added", "Plan", plan.Id.ToString(), axis.NameFr);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> AddCommitmentAsync(Guid planId, Guid axisId, int number, string title, string leadAgency, string problem, string description,
        string actorUserId, CancellationToken ct = default)
    {
        var plan = await RequirePlanAsync(planId, ct);
        if (plan.Axes.All(a => a.Id != axisId)) throw DomainException.Rule("ChooseAxisPlan");
        if (await db.Set<Commitment>().AnyAsync(c => c.PlanId == planId && c.Number == number, ct))
            throw DomainException.Rule("PlanAlreadyHasCommitmentWithNumber");
        var c = new Commitment(Guid.NewGuid(), planId, axisId, number, title, leadAgency, Now);
        c.Edit(number, title, leadAgency, problem, description);
        db.Add(c);
        if (plan.Status == PlanStatus.Published) await indexing.IndexAsync(c, ct);
        audit.Record(actorUserId, "plan.commitment-added", "Commitment", c.Id.ToString(), c.Title);
        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    public async Task AddActivityAsync(Guid commitmentId, string title, double weight, DateOnly? start, DateOnly? end, string actorUserId, CancellationToken ct = default)
    {
        var c = await db.Set<Commitment>().Include(x => x.Activities).FirstOrDefaultAsync(x => x.Id == commitmentId, ct)
            ?? throw DomainException.Rule("NoSuchCommitment");
        var plan = await RequirePlanAsync(c.PlanId, ct);
        // A new activity would shift every weight of a published plan; it goes through a reopening like weights do.
        if (plan.WeightsLocked) throw DomainException.Rule("WeightsLockedReopenFirst");
        db.Add(c.AddActivity(title, weight, start, end));
        db.Add(c.Touch(actorUserId, Now, "edit", "Activity added: " + title.Trim()));
        audit.Record(actorUserId, "plan.activity-added", "Commitment", c.Id.ToString(), title);
        await db.SaveChangesAsync(ct);
    }

    public async Task AssignLeadAsync(Guid commitmentId, string userId, string actorUserId, CancellationToken ct = default)
    {
        var c = await db.Set<Commitment>().Include(x => x.Leads).FirstOrDefaultAsync(x => x.Id == commitmentId, ct)
            ?? throw DomainException.Rule("NoSuchCommitment");
        if (c.IsLead(userId)) return;
        c.AssignLead(userId);
        audit.Record(actorUserId, "plan.lead-assigned", "Commitment", c.Id.ToString(), userId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets or clears a commitment's focal point (the agency contact that receives its reminders).</summary>
    public async Task SetContactAsync(Guid commitmentId, string? name, string? email, string? culture, string actorUserId, CancellationToken ct = default)
    {
        var c = await db.Set<Commitment>().FirstOrDefaultAsync(x => x.Id == commitmentId, ct)
            ?? throw DomainException.Rule("NoSuchCommitment");
        c.SetContact(name, email, culture);
        audit.Record(actorUserId, "plan.contact-set", "Commitment", c.Id.ToString(), c.ContactEmail is null ? "" : $"{c.ContactEmail} ({c.ContactCulture})");
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveLeadAsync(Guid commitmentId, string userId, string actorUserId, CancellationToken ct = default)
    {
        var c = await db.Set<Commitment>().Include(x => x.Leads).FirstOrDefaultAsync(x => x.Id == commitmentId, ct)
            ?? throw DomainException.Rule("NoSuchCommitment");
        c.RemoveLead(userId);
        audit.Record(actorUserId, "plan.lead-removed", "Commitment", c.Id.ToString(), userId);
        await db.SaveChangesAsync(ct);
    }

    public async Task PublishAsync(Guid planId, string actorUserId, CancellationToken ct = default)
    {
        var plan = await RequirePlanAsync(planId, ct);
        plan.Publish(Now);
        await indexing.IndexPlanAsync(plan.Id, ct: ct);
        audit.Record(actorUserId, "plan.published", "Plan", plan.Id.ToString(), plan.Title);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetWeightsOpenAsync(Guid planId, bool open, string actorUserId, CancellationToken ct = default)
    {
        var plan = await RequirePlanAsync(planId, ct);
        if (open) plan.ReopenWeights(); else plan.LockWeights();
        audit.Record(actorUserId, open ? "plan.weights-reopened" : "plan.weights-locked", "Plan", plan.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Seam for the adoption of commitment sheets selected in a co-creation cycle: the caller passes plain data
    /// (and each sheet's id, kept as the commitment's link back). Axes are matched by French name, created if missing.
    /// </summary>
    public async Task<Guid> AdoptAsync(string title, int startYear, int endYear, Guid? sourceCycleId, IReadOnlyList<AdoptedCommitment> commitments,
        string actorUserId, CancellationToken ct = default)
    {
        var now = Now;
        var plan = new Plan(Guid.NewGuid(), title, startYear, endYear, now);
        plan.LinkToCycle(sourceCycleId);
        foreach (var a in commitments)
        {
            var axis = plan.Axes.FirstOrDefault(x => string.Equals(x.NameFr, a.AxisName.Fr, StringComparison.OrdinalIgnoreCase));
            if (axis is null)
            {
                axis = plan.AddAxis(a.AxisName.Fr, null, null);
                axis.Translate(a.AxisName);
            }
            var c = new Commitment(Guid.NewGuid(), plan.Id, axis.Id, a.Number, a.Title.Fr, a.LeadAgency, now);
            c.Edit(a.Number, a.Title.Fr, a.LeadAgency, a.Problem.Fr, a.Description.Fr);
            // The sheets' translations come along: an adopted plan starts as translated as its sheets were.
            c.Translate(a.Title, a.Problem, a.Description);
            c.LinkToSheet(a.SourceSheetId);
            foreach (var x in a.Activities) c.AddActivity(x.Title.Fr, x.Weight, x.PlannedStart, x.PlannedEnd).Translate(x.Title);
            db.Add(c);
        }
        // Added once complete, so its axes are inserted with it (a key set on a child found later would read as an update).
        db.Add(plan);
        audit.Record(actorUserId, "plan.adopted", "Plan", plan.Id.ToString(), plan.Title);
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }

    private async Task<Plan> RequirePlanAsync(Guid planId, CancellationToken ct)
        => await db.Set<Plan>().Include(p => p.Axes).FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw DomainException.Rule("NoSuchPlan");
}
