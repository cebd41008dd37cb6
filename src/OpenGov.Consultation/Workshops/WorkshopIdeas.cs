using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Events;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Errors;

namespace OpenGov.Consultation.Workshops;

public sealed record WorkshopInput(Guid CycleId, Guid? EventId, string Title, string Region, DateOnly HeldOn, int ParticipantCount);
public sealed record NamedParticipant(string Name, string? Organisation, bool Consented);
public sealed record WorkshopRow(Guid Id, Guid CycleId, string CycleTitle, Guid? EventId, string Title, string Region, DateOnly HeldOn,
    int ParticipantCount, IReadOnlyList<string> NamedParticipants, int Ideas, string FacilitatorUserId);
public sealed record AxisChoice(Guid Id, string Code, string NameFr, string NameAr, string NameEn);
public sealed record EventChoice(Guid Id, string Title, DateTime StartsAt, string Region);
public sealed record WorkshopFormChoices(IReadOnlyList<(Guid Id, string Title)> Cycles, IReadOnlyList<EventChoice> Events);

/// <summary>
/// Facilitators record their regional workshops and enter the ideas collected there on the workshop's behalf, one by one
/// or from an import file (all rows or none). A facilitator acts only on the workshops they created (administrators on any).
/// The ideas are submitted for moderation like every other idea and keep the workshop's credit.
/// </summary>
public sealed class WorkshopIdeas(DbContext db, TimeProvider clock, IAuditLog audit)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid> CreateAsync(string facilitatorUserId, WorkshopInput input, IReadOnlyList<NamedParticipant> named, CancellationToken ct = default)
    {
        if (!await db.Set<Cycle>().AnyAsync(c => c.Id == input.CycleId, ct)) throw DomainException.Rule("UnknownCycle");
        if (input.EventId is { } eventId && !await db.Set<Event>().AnyAsync(e => e.Id == eventId && e.Status == EventStatus.Published, ct))
            throw DomainException.Rule("UnknownEvent");
        var workshop = new Workshop(Guid.NewGuid(), input.CycleId, input.EventId, input.Title, input.Region, input.HeldOn, input.ParticipantCount, facilitatorUserId, Now);
        foreach (var p in named.Where(p => !string.IsNullOrWhiteSpace(p.Name) || p.Consented))
            workshop.NameParticipant(p.Name, p.Organisation, p.Consented, Now);
        db.Add(workshop);
        audit.Record(facilitatorUserId, "workshop.created", nameof(Workshop), workshop.Id.ToString(), workshop.Title);
        await db.SaveChangesAsync(ct);
        return workshop.Id;
    }

    /// <summary>What the new-workshop form offers: cycles (latest first) and published workshop events (latest first).</summary>
    public async Task<WorkshopFormChoices> FormChoicesAsync(CancellationToken ct = default)
    {
        var cycles = await db.Set<Cycle>().OrderByDescending(c => c.PlanStartYear).ThenBy(c => c.Title)
            .Select(c => new { c.Id, c.Title }).Take(50).ToListAsync(ct);
        var events = await db.Set<Event>().Where(e => e.Status == EventStatus.Published && e.Type == EventType.ThematicWorkshop)
            .OrderByDescending(e => e.StartsAt).Take(100).Select(e => new EventChoice(e.Id, e.Title, e.StartsAt, e.Region)).ToListAsync(ct);
        return new WorkshopFormChoices(cycles.Select(c => (c.Id, c.Title)).ToList(), events);
    }

    /// <summary>The workshops a facilitator runs (all of them for an administrator), latest first.</summary>
    public async Task<IReadOnlyList<WorkshopRow>> ListAsync(string userId, bool isAdministrator, CancellationToken ct = default)
    {
        var ids = await db.Set<Workshop>().Where(w => isAdministrator || w.FacilitatorUserId == userId)
            .OrderByDescending(w => w.HeldOn).ThenBy(w => w.Id).Select(w => w.Id).Take(200).ToListAsync(ct);
        var rows = new List<WorkshopRow>();
        foreach (var id in ids) rows.Add((await RowAsync(id, ct))!);
        return rows;
    }

    public async Task<WorkshopRow?> RowAsync(Guid id, CancellationToken ct = default)
    {
        var w = await db.Set<Workshop>().AsNoTracking().Include(x => x.Participants).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        var cycle = await db.Set<Cycle>().Where(c => c.Id == w.CycleId).Select(c => c.Title).FirstAsync(ct);
        var ideas = await db.Set<Proposal>().CountAsync(p => p.WorkshopId == id, ct);
        return new WorkshopRow(w.Id, w.CycleId, cycle, w.EventId, w.Title, w.Region, w.HeldOn, w.ParticipantCount,
            w.Participants.Select(p => p.Organisation is null ? p.Name : $"{p.Name} ({p.Organisation})").ToList(), ideas, w.FacilitatorUserId);
    }

    /// <summary>A workshop and its cycle's axes for its facilitator's page; anyone else is refused.</summary>
    public async Task<(WorkshopRow Workshop, IReadOnlyList<AxisChoice> Axes)> ManageAsync(string userId, bool isAdministrator, Guid workshopId, CancellationToken ct = default)
    {
        var workshop = await RequireAsync(userId, isAdministrator, workshopId, ct);
        var axes = await db.Set<CycleAxis>().Where(a => a.CycleId == workshop.CycleId).OrderBy(a => a.Order)
            .Select(a => new AxisChoice(a.Id, a.Code, a.NameFr, a.NameAr, a.NameEn)).ToListAsync(ct);
        return ((await RowAsync(workshopId, ct))!, axes);
    }

    /// <summary>One idea entered by the facilitator: submitted for moderation, credited to the workshop.</summary>
    public async Task<Guid> AddIdeaAsync(string userId, bool isAdministrator, Guid workshopId, ProposalContent content, CancellationToken ct = default)
    {
        var workshop = await RequireAsync(userId, isAdministrator, workshopId, ct);
        if (!await db.Set<CycleAxis>().AnyAsync(a => a.Id == content.AxisId && a.CycleId == workshop.CycleId, ct))
            throw DomainException.Rule("UnknownAxis");
        var id = Add(workshop, userId, content);
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>Checks an import file's rows against the workshop's cycle without saving anything.</summary>
    public async Task<ImportPreview> PreviewAsync(string userId, bool isAdministrator, Guid workshopId, IReadOnlyList<string[]> table, CancellationToken ct = default)
    {
        var workshop = await RequireAsync(userId, isAdministrator, workshopId, ct);
        return WorkshopImport.Check(table, await AxesByCodeAsync(workshop.CycleId, ct), workshop.Region);
    }

    /// <summary>Checks the rows again and saves them all in one transaction, or none: a single invalid row refuses the file.</summary>
    public async Task<int> ImportAsync(string userId, bool isAdministrator, Guid workshopId, IReadOnlyList<string[]> table, CancellationToken ct = default)
    {
        var workshop = await RequireAsync(userId, isAdministrator, workshopId, ct);
        var preview = WorkshopImport.Check(table, await AxesByCodeAsync(workshop.CycleId, ct), workshop.Region);
        if (!preview.IsValid) throw DomainException.Rule("WorkshopImportHasErrors");
        foreach (var row in preview.Rows) Add(workshop, userId, row.Content!);
        audit.Record(userId, "workshop.ideas-imported", nameof(Workshop), workshop.Id.ToString(), preview.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return preview.Rows.Count;
    }

    private Guid Add(Workshop workshop, string userId, ProposalContent content)
    {
        var proposal = Proposal.FromWorkshop(Guid.NewGuid(), workshop.CycleId, workshop.Id, workshop.Title, userId, content, Now);
        db.Add(proposal);
        audit.Record(userId, "workshop.idea-entered", nameof(Proposal), proposal.Id.ToString(), workshop.Id.ToString());
        return proposal.Id;
    }

    private async Task<Dictionary<string, Guid>> AxesByCodeAsync(Guid cycleId, CancellationToken ct)
        => await db.Set<CycleAxis>().Where(a => a.CycleId == cycleId).ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, ct);

    private async Task<Workshop> RequireAsync(string userId, bool isAdministrator, Guid workshopId, CancellationToken ct)
    {
        var workshop = await db.Set<Workshop>().FirstOrDefaultAsync(w => w.Id == workshopId, ct) ?? throw DomainException.NotFound("UnknownWorkshop");
        if (!isAdministrator && !workshop.IsRunBy(userId)) throw DomainException.Forbidden("WorkshopFacilitatorOnly");
        return workshop;
    }
}
