using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Search;

namespace OpenGov.Tracking.Plans;

/// <summary>Keeps the site search in step with published plans: a commitment becomes searchable when its plan is published,
/// in the same unit of work. Draft plans are never indexed.</summary>
public sealed class CommitmentIndexing(DbContext db, ISearchIndex search)
{
    public async Task IndexPlanAsync(Guid planId, IEnumerable<Commitment>? pending = null, CancellationToken ct = default)
    {
        var commitments = pending?.ToList()
            ?? await db.Set<Commitment>().Where(c => c.PlanId == planId).ToListAsync(ct);
        foreach (var c in commitments)
            await IndexAsync(c, ct);
    }

    /// <summary>One entry per commitment holding every language, so a search in Arabic or English finds it too
    /// (the entry's title stays the French original; the translations lead the body).</summary>
    public Task IndexAsync(Commitment c, CancellationToken ct = default)
        => search.UpsertAsync(SearchKinds.Commitment, c.Id.ToString(), $"{c.Number}. {c.Title}",
            string.Join("\n", new[] { c.TitleAr, c.TitleEn, c.LeadAgency, c.ProblemText.AllLanguages, c.DescriptionText.AllLanguages }
                .Where(t => !string.IsNullOrEmpty(t))), $"/plan/commitments/{c.Id}", ct);
}
