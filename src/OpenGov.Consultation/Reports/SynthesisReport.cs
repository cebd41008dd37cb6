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

    /// <summary>
    /// The report of a cycle. Every figure is aggregated by the database (counts and sums grouped by axis, region, submitter
    /// type and response state): no request reads the cycle's ideas one by one to count them. The list of ideas with their
    /// responses is read in publication order, <paramref name="ideaLimit"/> at most (the page lists a bounded number; the
    /// downloads, computed in the background for large cycles, pass null and get them all).
    /// </summary>
    public async Task<SynthesisReport?> BuildAsync(Guid cycleId, string culture, int? ideaLimit = null, CancellationToken ct = default)
    {
        var cycle = await db.Set<Cycle>().Where(c => c.Id == cycleId)
            .Select(c => new { c.Id, c.Title, c.PlanStartYear, c.PlanEndYear }).FirstOrDefaultAsync(ct);
        if (cycle is null) return null;
        var axes = await db.Set<CycleAxis>().Where(a => a.CycleId == cycleId).OrderBy(a => a.Order).ToListAsync(ct);
        var ideas = db.Set<Proposal>().AsNoTracking().WherePublic().Where(p => p.CycleId == cycleId);

        // One scan per breakdown (distinct authors per group: COUNT(DISTINCT AuthorUserId), a required column); every idea has
        // one submitter type, so the totals are that breakdown's sums.
        var axisRows = await ideas.GroupBy(p => p.AxisId)
            .Select(g => new { g.Key, Ideas = g.Count(), Participants = g.Select(p => p.AuthorUserId).Distinct().Count() }).ToListAsync(ct);
        var regionRows = await ideas.GroupBy(p => p.Region)
            .Select(g => new { g.Key, Ideas = g.Count(), Participants = g.Select(p => p.AuthorUserId).Distinct().Count() }).ToListAsync(ct);
        var typeRows = await ideas.GroupBy(p => p.SubmitterType)
            .Select(g => new
            {
                g.Key, Ideas = g.Count(), Participants = g.Select(p => p.AuthorUserId).Distinct().Count(),
                Comments = g.Sum(p => p.CommentCount), Supports = g.Sum(p => p.SupportCount),
            }).ToListAsync(ct);
        // One published response per idea at most (unique index on ProposalId).
        var stateRows = await ideas.Join(db.Set<ProposalResponse>().Where(r => r.IsPublished), p => p.Id, r => r.ProposalId, (p, r) => r.State)
            .GroupBy(s => s).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        string AxisName(Guid id) => axes.FirstOrDefault(a => a.Id == id)?.Name(culture) ?? "—";
        var byAxis = axisRows
            .Select(g => new Breakdown(axes.FirstOrDefault(a => a.Id == g.Key)?.Code ?? "", AxisName(g.Key), g.Ideas, g.Participants))
            .OrderByDescending(b => b.Ideas).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();
        var byRegion = regionRows.Select(g => new Breakdown(g.Key, g.Key, g.Ideas, g.Participants))
            .OrderByDescending(b => b.Ideas).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
        var byType = typeRows.Select(g => new Breakdown(g.Key.ToString(), g.Key.ToString(), g.Ideas, g.Participants))
            .OrderBy(b => b.Key, StringComparer.Ordinal).ToList();
        var states = Enum.GetValues<ResponseState>()
            .Select(s => new ParticipationFigure(s.ToString(), stateRows.Where(r => r.Key == s).Sum(r => r.Count))).ToList();

        var listed = from p in ideas
                     join r in db.Set<ProposalResponse>().Where(r => r.IsPublished) on p.Id equals r.ProposalId into rs
                     from r in rs.DefaultIfEmpty()
                     orderby p.PublishedAt, p.Id
                     select new
                     {
                         p.Id, p.Title, p.AuthorDisplayName, p.SubmitterType, p.AxisId, p.Region, p.SupportCount, p.CommentCount,
                         State = r == null ? (ResponseState?)null : r.State, SheetId = r == null ? null : r.SheetId,
                         Justification = r == null ? null : r.JustificationMarkdown,
                     };
        var rows = await (ideaLimit is { } limit ? listed.Take(Math.Max(limit, 0)) : listed).ToListAsync(ct);

        var others = new List<ParticipationFigure>();
        foreach (var source in sources) others.AddRange(await source.FiguresAsync(cycleId, ct));
        return new SynthesisReport(cycle.Id, cycle.Title, cycle.PlanStartYear, cycle.PlanEndYear, clock.GetUtcNow().UtcDateTime,
            // The same people the cycle page counts (authors, supporters, commenters), not only idea authors.
            Participants: await overview.ParticipantsAsync(cycleId, ct),
            Ideas: typeRows.Sum(t => t.Ideas),
            Comments: typeRows.Sum(t => t.Comments),
            Supports: typeRows.Sum(t => t.Supports),
            OtherFigures: others,
            ByAxis: byAxis, ByRegion: byRegion, BySubmitterType: byType,
            ResponsesByState: states, Answered: stateRows.Sum(r => r.Count),
            IdeasWithResponses: rows.Select(r => new ReportIdea(r.Id, r.Title, r.AuthorDisplayName, r.SubmitterType, AxisName(r.AxisId), r.Region,
                r.SupportCount, r.CommentCount, r.State, r.SheetId, r.Justification)).ToList(),
            Sheets: await sheets.SheetsAsync(cycleId, ct));
    }
}
