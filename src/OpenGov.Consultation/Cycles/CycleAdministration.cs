using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;

namespace OpenGov.Consultation.Cycles;

public sealed record CycleInput(string Title, string DescriptionMarkdown, int PlanStartYear, int PlanEndYear);

/// <summary>Administrators' management of cycles: create, edit, axes, phase dates, and reasoned early closes and extensions.
/// Every change is audit-logged; closes and extensions also show on the public timeline.</summary>
public sealed class CycleAdministration(DbContext db, TimeProvider clock, IAuditLog audit)
{
    public async Task<Guid> CreateAsync(string adminId, CycleInput input, CancellationToken ct = default)
    {
        var cycle = Cycle.Draft(Guid.NewGuid(), input.Title, input.DescriptionMarkdown, input.PlanStartYear, input.PlanEndYear, Now);
        db.Add(cycle);
        audit.Record(adminId, "cycle.created", nameof(Cycle), cycle.Id.ToString(), cycle.Title);
        await db.SaveChangesAsync(ct);
        return cycle.Id;
    }

    public Task UpdateAsync(string adminId, Guid id, CycleInput input, CancellationToken ct = default)
        => ChangeAsync(adminId, id, "cycle.updated", c => { c.Rename(input.Title, input.DescriptionMarkdown); return c.Title; }, ct);

    public Task AddAxisAsync(string adminId, Guid id, string code, string nameFr, string nameAr, string nameEn, CancellationToken ct = default)
        => ChangeAsync(adminId, id, "cycle.axis-added", c => c.AddAxis(code.Trim(), nameFr.Trim(), nameAr?.Trim() ?? "", nameEn?.Trim() ?? "").Code, ct);

    public Task SetPhaseAsync(string adminId, Guid id, PhaseKind kind, DateTime startsAt, DateTime endsAt, CancellationToken ct = default)
        => ChangeAsync(adminId, id, "cycle.phase-set", c => { c.SetPhase(kind, startsAt, endsAt, Now); return $"{kind}: {startsAt:O} → {endsAt:O}"; }, ct);

    /// <summary>Sets a phase from its first to its last day, both inclusive as typed (<see cref="PhaseDays"/>).</summary>
    public Task SetPhaseDaysAsync(string adminId, Guid id, PhaseKind kind, DateOnly firstDay, DateOnly lastDay, CancellationToken ct = default)
        => ChangeAsync(adminId, id, "cycle.phase-set", c => { var p = c.SetPhaseDays(kind, firstDay, lastDay); return $"{kind}: {p.StartsAt:O} → {p.EndsAt:O}"; }, ct);

    public Task ExtendPhaseToAsync(string adminId, Guid id, PhaseKind kind, DateOnly lastDay, string reason, CancellationToken ct = default)
        => ChangeAsync(adminId, id, "cycle.phase-extended", c => { var ch = c.ExtendPhaseTo(kind, lastDay, Now, reason, adminId); return $"{kind} → {ch.NewEnd:O}: {reason}"; }, ct);

    public Task PublishAsync(string adminId, Guid id, CancellationToken ct = default)
        => ChangeAsync(adminId, id, "cycle.published", c => { c.Publish(Now); return c.Title; }, ct);

    public Task ClosePhaseEarlyAsync(string adminId, Guid id, PhaseKind kind, string reason, CancellationToken ct = default)
        => ChangeAsync(adminId, id, "cycle.phase-closed-early", c => { c.ClosePhaseEarly(kind, Now, reason, adminId); return $"{kind}: {reason}"; }, ct);

    public Task ExtendPhaseAsync(string adminId, Guid id, PhaseKind kind, DateTime newEnd, string reason, CancellationToken ct = default)
        => ChangeAsync(adminId, id, "cycle.phase-extended", c => { c.ExtendPhase(kind, newEnd, Now, reason, adminId); return $"{kind} → {newEnd:O}: {reason}"; }, ct);

    private async Task ChangeAsync(string adminId, Guid id, string action, Func<Cycle, string> change, CancellationToken ct)
    {
        var cycle = await db.Set<Cycle>().AsSplitQuery().Include(c => c.Axes).Include(c => c.Phases).Include(c => c.PhaseChanges)
            .FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound("UnknownCycle");
        var details = change(cycle);
        audit.Record(adminId, action, nameof(Cycle), id.ToString(), details);
        await db.SaveChangesAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
