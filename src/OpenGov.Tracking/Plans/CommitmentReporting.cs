using OpenGov.SharedKernel.Errors;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;

namespace OpenGov.Tracking.Plans;

/// <summary>Who is acting: a user id and whether they are an administrator (who may edit every commitment).</summary>
public sealed record Actor(string UserId, bool IsAdministrator);

/// <summary>
/// The project leads' back office: progress, actions, communication actions, self-assessment, difficulties, weights.
/// Every method checks that the actor leads the commitment (or is an administrator) and throws
/// <see cref="UnauthorizedAccessException"/> otherwise; every change is kept in the commitment's history.
/// </summary>
public sealed class CommitmentReporting(DbContext db, IAuditLog audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Loads a commitment the actor may edit; null when it does not exist.</summary>
    private async Task<Commitment?> LoadAsync(Guid commitmentId, Actor actor, CancellationToken ct)
    {
        var c = await db.Set<Commitment>().AsSplitQuery()
            .Include(x => x.Activities).ThenInclude(a => a.Actions)
            .Include(x => x.CommunicationActions)
            .Include(x => x.Leads)
            .FirstOrDefaultAsync(x => x.Id == commitmentId, ct);
        if (c is null) return null;
        if (!actor.IsAdministrator && !c.IsLead(actor.UserId))
            throw DomainException.Forbidden("LeadsReportOnCommitment");
        return c;
    }

    public async Task<bool> CanEditAsync(Guid commitmentId, Actor actor, CancellationToken ct = default)
        => actor.IsAdministrator || await db.Set<CommitmentLead>().AnyAsync(l => l.CommitmentId == commitmentId && l.UserId == actor.UserId, ct);

    private async Task<bool> SaveAsync(Commitment c, Actor actor, string kind, string summary, CancellationToken ct)
    {
        db.Add(c.Touch(actor.UserId, Now, kind, summary));
        audit.Record(actor.UserId, "plan.commitment." + kind, "Commitment", c.Id.ToString(), summary);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Reports an activity's progress, the actions not done and the difficulties. False when not found.</summary>
    public async Task<bool> ReportActivityAsync(Guid commitmentId, Guid activityId, double percent, string notDone, string difficulties, Actor actor, CancellationToken ct = default)
    {
        var c = await LoadAsync(commitmentId, actor, ct);
        if (c is null) return false;
        var a = c.RequireActivity(activityId);
        var before = a.Percent;
        a.ReportProgress(percent);
        a.ReportIssues(notDone, difficulties);
        return await SaveAsync(c, actor, "progress",
            string.Create(CultureInfo.InvariantCulture, $"{a.Title}: {before:0.##} % → {percent:0.##} %"), ct);
    }

    public async Task<bool> CancelActivityAsync(Guid commitmentId, Guid activityId, string reason, Actor actor, CancellationToken ct = default)
    {
        var c = await LoadAsync(commitmentId, actor, ct);
        if (c is null) return false;
        var a = c.RequireActivity(activityId);
        a.Cancel(reason);
        return await SaveAsync(c, actor, "cancel", $"{a.Title}: {reason.Trim()}", ct);
    }

    public async Task<bool> AddActionAsync(Guid commitmentId, Guid activityId, string description, DateOnly? start, DateOnly? end, bool additional, Actor actor, CancellationToken ct = default)
    {
        var c = await LoadAsync(commitmentId, actor, ct);
        if (c is null) return false;
        var a = c.RequireActivity(activityId);
        var action = a.AddAction(description, start, end, additional);
        db.Add(action);
        return await SaveAsync(c, actor, "action", $"{a.Title}: {action.Description}", ct);
    }

    public async Task<bool> AddCommunicationActionAsync(Guid commitmentId, string action, DateOnly? date, string audience, string indicators, Actor actor, CancellationToken ct = default)
    {
        var c = await LoadAsync(commitmentId, actor, ct);
        if (c is null) return false;
        var added = c.AddCommunicationAction(action, date, audience, indicators);
        db.Add(added);
        return await SaveAsync(c, actor, "communication", added.Action, ct);
    }

    public async Task<bool> SaveSelfAssessmentAsync(Guid commitmentId, string results, string howAddressed, string nextSteps, Actor actor, CancellationToken ct = default)
    {
        var c = await LoadAsync(commitmentId, actor, ct);
        if (c is null) return false;
        c.SetSelfAssessment(results, howAddressed, nextSteps);
        return await SaveAsync(c, actor, "self-assessment", "Self-assessment updated", ct);
    }

    /// <summary>Sets activity weights; refused once the plan is published unless an administrator reopened them.</summary>
    public async Task<bool> SetWeightsAsync(Guid commitmentId, IReadOnlyDictionary<Guid, double> weights, Actor actor, CancellationToken ct = default)
    {
        var c = await LoadAsync(commitmentId, actor, ct);
        if (c is null) return false;
        var plan = await db.Set<Plan>().FirstAsync(p => p.Id == c.PlanId, ct);
        if (plan.WeightsLocked) throw DomainException.Rule("WeightsAreLockedSincePlanWasPublished");
        foreach (var (activityId, weight) in weights) c.RequireActivity(activityId).SetWeight(weight);
        return await SaveAsync(c, actor, "weights",
            string.Join(", ", c.Activities.OrderBy(a => a.Order).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Order}: {a.Weight:0.##}"))), ct);
    }
}
