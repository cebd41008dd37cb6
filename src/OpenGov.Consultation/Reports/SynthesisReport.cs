using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;

namespace OpenGov.Consultation.Reports;

/// <summary>One line of a breakdown (by axis, region or submitter type): the key, its ideas and distinct participants.</summary>
public sealed record Breakdown(string Key, string Label, int Ideas, int Participants);

/// <summary>A participation figure contributed by another feature ("comments", "events"...).</summary>
public sealed record ParticipationFigure(string Key, int Count);

public sealed record ReportIdea(Guid Id, string Title, string Author, SubmitterType SubmitterType, string Axis, string Region,
    int Supports, int Comments, ResponseState? State, Guid? SheetId, string? Justification);

/// <summary>Whether a sheet was retained: <see cref="Pending"/> until the selection of the cycle is published.</summary>
public enum SelectionResult { Pending = 0, Retained = 1, NotRetained = 2 }

/// <summary>One public comment of a sheet and how the lead agency handled it (Handling: Open, Integrated, PartlyIntegrated, NotIntegrated);
/// <see cref="ActivityTitle"/> names the activity when the section is one ("activity:{id}"), from the latest version that had it.</summary>
public sealed record ReportSheetComment(string Section, string Author, string Handling, string? Reason, int? HandledInVersion, string? ActivityTitle = null);

/// <summary>
/// How one commitment sheet's public comments were handled (<see cref="CommentOutcomes"/>: count per handling), and
/// the selection result. Scores and rank are filled only once the selection is published.
/// </summary>
public sealed record ReportSheet(Guid Id, string Title, string Agency, int Versions, int Comments,
    IReadOnlyList<ParticipationFigure> CommentOutcomes, IReadOnlyList<ReportSheetComment> CommentTrail,
    SelectionResult Selection, double? WeightedScore, int? Rank);

public sealed record SynthesisReport(
    Guid CycleId, string CycleTitle, int PlanStartYear, int PlanEndYear, DateTime GeneratedAt,
    int Participants, int Ideas, int Comments, int Supports, IReadOnlyList<ParticipationFigure> OtherFigures,
    IReadOnlyList<Breakdown> ByAxis, IReadOnlyList<Breakdown> ByRegion, IReadOnlyList<Breakdown> BySubmitterType,
    IReadOnlyList<ParticipationFigure> ResponsesByState, int Answered,
    IReadOnlyList<ReportIdea> IdeasWithResponses, IReadOnlyList<ReportSheet> Sheets);

/// <summary>Counts contributed to the report by features this module does not own yet (events, forum...).</summary>
public interface IParticipationSource
{
    Task<IReadOnlyList<ParticipationFigure>> FiguresAsync(Guid cycleId, CancellationToken ct);
}

/// <summary>
/// The commitment sheets of a cycle for the report: their comments and how each was handled (kept, answered, declined...),
/// and the selection result. Implemented by the sheets feature; the default has none.
/// </summary>
public interface ISheetReportSource
{
    Task<IReadOnlyList<ReportSheet>> SheetsAsync(Guid cycleId, CancellationToken ct);
}

public sealed class NoSheetReportSource : ISheetReportSource
{
    public Task<IReadOnlyList<ReportSheet>> SheetsAsync(Guid cycleId, CancellationToken ct) => Task.FromResult<IReadOnlyList<ReportSheet>>([]);
}

/// <summary>Builds the co-creation synthesis report from the data (never typed by hand).</summary>
public sealed class SynthesisReports(DbContext db, CycleOverview overview, ISheetReportSource sheets, IEnumerable<IParticipationSource> sources, TimeProvider clock)
{
    /// <summary>Public ideas of a cycle: decides whether its exports run in the background.</summary>
    public Task<int> IdeaCountAsync(Guid cycleId, CancellationToken ct = default)
        => db.Set<Proposal>().WherePublic().CountAsync(p => p.CycleId == cycleId, ct);

    public async Task<SynthesisReport?> BuildAsync(Guid cycleId, string culture, CancellationToken ct = default)
    {
        var cycle = await db.Set<Cycle>().Where(c => c.Id == cycleId)
            .Select(c => new { c.Id, c.Title, c.PlanStartYear, c.PlanEndYear }).FirstOrDefaultAsync(ct);
        if (cycle is null) return null;
        var axes = await db.Set<CycleAxis>().Where(a => a.CycleId == cycleId).OrderBy(a => a.Order).ToListAsync(ct);
        var ideas = db.Set<Proposal>().WherePublic().Where(p => p.CycleId == cycleId);
        // One narrow projection of the cycle's ideas; breakdowns are folded in memory (a cycle has thousands, not millions).
        var rows = await (from p in ideas
                          join r in db.Set<ProposalResponse>().Where(r => r.IsPublished) on p.Id equals r.ProposalId into rs
                          from r in rs.DefaultIfEmpty()
                          orderby p.PublishedAt, p.Id
                          select new
                          {
                              p.Id, p.Title, p.AuthorUserId, p.AuthorDisplayName, p.SubmitterType, p.AxisId, p.Region, p.SupportCount, p.CommentCount,
                              State = r == null ? (ResponseState?)null : r.State, SheetId = r == null ? null : r.SheetId,
                              Justification = r == null ? null : r.JustificationMarkdown,
                          }).ToListAsync(ct);
        string AxisName(Guid id) => axes.FirstOrDefault(a => a.Id == id)?.Name(culture) ?? "—";
        var byAxis = rows.GroupBy(r => r.AxisId)
            .Select(g => new Breakdown(axes.FirstOrDefault(a => a.Id == g.Key)?.Code ?? "", AxisName(g.Key), g.Count(), g.Select(x => x.AuthorUserId).Distinct().Count()))
            .OrderByDescending(b => b.Ideas).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();
        var byRegion = rows.GroupBy(r => r.Region)
            .Select(g => new Breakdown(g.Key, g.Key, g.Count(), g.Select(x => x.AuthorUserId).Distinct().Count()))
            .OrderByDescending(b => b.Ideas).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
        var byType = rows.GroupBy(r => r.SubmitterType)
            .Select(g => new Breakdown(g.Key.ToString(), g.Key.ToString(), g.Count(), g.Select(x => x.AuthorUserId).Distinct().Count()))
            .OrderBy(b => b.Key, StringComparer.Ordinal).ToList();
        var states = Enum.GetValues<ResponseState>()
            .Select(s => new ParticipationFigure(s.ToString(), rows.Count(r => r.State == s))).ToList();
        var others = new List<ParticipationFigure>();
        foreach (var source in sources) others.AddRange(await source.FiguresAsync(cycleId, ct));
        return new SynthesisReport(cycle.Id, cycle.Title, cycle.PlanStartYear, cycle.PlanEndYear, clock.GetUtcNow().UtcDateTime,
            // The same people the cycle page counts (authors, supporters, commenters), not only idea authors.
            Participants: await overview.ParticipantsAsync(cycleId, ct),
            Ideas: rows.Count,
            Comments: rows.Sum(r => r.CommentCount),
            Supports: rows.Sum(r => r.SupportCount),
            OtherFigures: others,
            ByAxis: byAxis, ByRegion: byRegion, BySubmitterType: byType,
            ResponsesByState: states, Answered: rows.Count(r => r.State is not null),
            IdeasWithResponses: rows.Select(r => new ReportIdea(r.Id, r.Title, r.AuthorDisplayName, r.SubmitterType, AxisName(r.AxisId), r.Region,
                r.SupportCount, r.CommentCount, r.State, r.SheetId, r.Justification)).ToList(),
            Sheets: await sheets.SheetsAsync(cycleId, ct));
    }
}
