namespace OpenGov.Tracking.Plans;

/// <summary>The tracking module's open data behind /api/v1/plans and the /open-data page.</summary>
public sealed class PlanOpenData(PlanQueries plans)
{
    public const int MaxLimit = 100;

    /// <summary>
    /// Published plans, newest period first. A plan covers two years, so the list stays a handful: one progress
    /// computation per plan (the tracking module's own rules) is fine and keeps the rate identical to the plan page's.
    /// </summary>
    public async Task<IReadOnlyList<PlanDto>> PlansAsync(CancellationToken ct)
    {
        var list = await plans.ListAsync(includeDrafts: false, ct);
        var result = new List<PlanDto>();
        foreach (var p in list.Take(MaxLimit))
        {
            var progress = await plans.ProgressAsync(p.Id, includeDrafts: false, ct);
            result.Add(new PlanDto(p.Id, p.Title, p.StartYear, p.EndYear, p.PublishedAt, p.Commitments, progress?.Overall ?? 0,
                $"/api/v1/plans/{p.Id}/progress", $"/plan/{p.Id}/export.json", $"/plan/{p.Id}/export.csv", $"/plan/{p.Id}/report.docx",
                SharedKernel.Text.LocalizedTextDto.From(p.TitleText)));
        }
        return result;
    }
}
