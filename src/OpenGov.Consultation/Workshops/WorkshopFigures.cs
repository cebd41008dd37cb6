using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Reports;

namespace OpenGov.Consultation.Workshops;

/// <summary>Public ideas of a region, online and from workshops, and the workshops held there with their participants.</summary>
public sealed record ChannelByRegion(string Region, int OnlineIdeas, int WorkshopIdeas, int Workshops, int WorkshopParticipants);

/// <summary>A workshop as the open data shows it (participants counted; names only with consent).</summary>
public sealed record WorkshopDto(Guid Id, Guid CycleId, Guid? EventId, string Title, string Region, DateOnly HeldOn, int ParticipantCount,
    IReadOnlyList<string> NamedParticipants, int PublicIdeas);

public sealed record WorkshopChannels(Guid CycleId, int OnlineIdeas, int WorkshopIdeas, IReadOnlyList<ChannelByRegion> ByRegion, IReadOnlyList<WorkshopDto> Workshops);

/// <summary>Ideas counted by channel (online vs workshops) and region: the synthesis report, its figures and the open data.</summary>
public sealed class WorkshopFigures(DbContext db) : IParticipationSource
{
    // Read once per scope (a request): the report page shows the channels and the figures the report takes from them.
    private readonly Dictionary<Guid, WorkshopChannels> _read = [];

    public async Task<WorkshopChannels> ForCycleAsync(Guid cycleId, CancellationToken ct = default)
    {
        if (_read.TryGetValue(cycleId, out var read)) return read;
        return _read[cycleId] = await ReadAsync(cycleId, ct);
    }

    private async Task<WorkshopChannels> ReadAsync(Guid cycleId, CancellationToken ct)
    {
        var ideas = await db.Set<Proposal>().WherePublic().Where(p => p.CycleId == cycleId)
            .GroupBy(p => new { p.Region, Workshop = p.WorkshopId != null })
            .Select(g => new { g.Key.Region, g.Key.Workshop, Count = g.Count() }).ToListAsync(ct);
        var workshops = await db.Set<Workshop>().AsNoTracking().Include(w => w.Participants).Where(w => w.CycleId == cycleId)
            .OrderBy(w => w.HeldOn).ThenBy(w => w.Id).ToListAsync(ct);
        var perWorkshop = await db.Set<Proposal>().WherePublic().Where(p => p.CycleId == cycleId && p.WorkshopId != null)
            .GroupBy(p => p.WorkshopId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var regions = ideas.Select(i => i.Region).Concat(workshops.Select(w => w.Region)).Distinct().Order(StringComparer.Ordinal);
        var byRegion = regions.Select(r => new ChannelByRegion(r,
            ideas.Where(i => i.Region == r && !i.Workshop).Sum(i => i.Count), ideas.Where(i => i.Region == r && i.Workshop).Sum(i => i.Count),
            workshops.Count(w => w.Region == r), workshops.Where(w => w.Region == r).Sum(w => w.ParticipantCount))).ToList();
        return new WorkshopChannels(cycleId, ideas.Where(i => !i.Workshop).Sum(i => i.Count), ideas.Where(i => i.Workshop).Sum(i => i.Count), byRegion,
            workshops.Select(w => new WorkshopDto(w.Id, w.CycleId, w.EventId, w.Title, w.Region, w.HeldOn, w.ParticipantCount,
                w.Participants.Select(p => p.Name).ToList(), perWorkshop.GetValueOrDefault(w.Id))).ToList());
    }

    public async Task<IReadOnlyList<ParticipationFigure>> FiguresAsync(Guid cycleId, CancellationToken ct)
    {
        var c = await ForCycleAsync(cycleId, ct);
        return [new("onlineIdeas", c.OnlineIdeas), new("workshopIdeas", c.WorkshopIdeas), new("workshops", c.Workshops.Count),
            new("workshopParticipants", c.Workshops.Sum(w => w.ParticipantCount))];
    }
}
