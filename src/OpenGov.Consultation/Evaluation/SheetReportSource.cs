using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Reports;
using OpenGov.Consultation.Sheets;

namespace OpenGov.Consultation.Evaluation;

/// <summary>
/// The sheets section of the synthesis report: each published sheet of the cycle with its lead agency, its versions,
/// its public comment trail (how each comment was handled) and, once the selection is published, the committee's result.
/// Before publication the scores stay internal to the committee, so the report says "pending".
/// </summary>
public sealed class SheetReportSource(DbContext db, CommitteeEvaluation evaluation) : ISheetReportSource
{
    public async Task<IReadOnlyList<ReportSheet>> SheetsAsync(Guid cycleId, CancellationToken ct)
    {
        var sheets = await db.Set<Sheet>().Where(s => s.CycleId == cycleId && s.CurrentVersion > 0)
            .Join(db.Set<Agency>(), s => s.AgencyId, a => a.Id, (s, a) => new { s.Id, Title = s.PublishedTitle!, Agency = a.Name, s.CurrentVersion, s.IsSelected })
            .OrderBy(s => s.Title).ThenBy(s => s.Id).ToListAsync(ct);
        if (sheets.Count == 0) return [];
        var ids = sheets.Select(s => s.Id).ToList();
        var comments = await db.Set<SheetComment>().Where(c => ids.Contains(c.SheetId))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.SheetId, c.SectionKey, c.AuthorName, c.AssociationName, c.Handling, c.HandlingReason, c.HandledInVersion })
            .ToListAsync(ct);
        var published = await db.Set<CycleSelection>().AnyAsync(s => s.CycleId == cycleId, ct);
        var ranked = published ? (await evaluation.RankingAsync(cycleId, ct)).Sheets.ToDictionary(r => r.SheetId) : [];
        var bySheet = comments.ToLookup(c => c.SheetId);
        // Activity sections are named by their deliverable: the latest published version that had the activity.
        var withActivities = comments.Where(c => SheetSections.IsActivity(c.SectionKey, out _)).Select(c => c.SheetId).Distinct().ToList();
        var activityTitles = new Dictionary<Guid, string>();
        if (withActivities.Count > 0)
        {
            var versions = await db.Set<SheetVersion>().Where(v => withActivities.Contains(v.SheetId)).OrderBy(v => v.Number)
                .Select(v => v.ContentJson).ToListAsync(ct);
            foreach (var json in versions)
                foreach (var a in SheetContent.FromJson(json).Activities) activityTitles[a.Id] = a.Deliverable;
        }
        string? ActivityTitle(string key) => SheetSections.IsActivity(key, out var id) ? activityTitles.GetValueOrDefault(id) : null;
        return sheets.Select(s =>
        {
            var trail = bySheet[s.Id].ToList();
            var rank = ranked.GetValueOrDefault(s.Id);
            return new ReportSheet(s.Id, s.Title, s.Agency, s.CurrentVersion, trail.Count,
                Enum.GetValues<CommentHandling>().Select(h => new ParticipationFigure(h.ToString(), trail.Count(c => c.Handling == h))).ToList(),
                trail.Select(c => new ReportSheetComment(c.SectionKey, c.AssociationName ?? c.AuthorName, c.Handling.ToString(), c.HandlingReason, c.HandledInVersion, ActivityTitle(c.SectionKey))).ToList(),
                !published ? SelectionResult.Pending : s.IsSelected ? SelectionResult.Retained : SelectionResult.NotRetained,
                rank?.WeightedScore, rank?.Rank);
        }).OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();
    }
}
