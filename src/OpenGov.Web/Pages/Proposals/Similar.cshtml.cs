using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Proposals;

namespace OpenGov.Web.Pages.Proposals;

/// <summary>GET JSON for "maybe your idea is already here": published proposals similar to the text typed so far.
/// Only public content is indexed, so nothing private can leak; titles are returned as text and encoded by the script.</summary>
public sealed class SimilarModel(ProposalQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length < 3) return new JsonResult(Array.Empty<object>());
        var hits = await queries.SimilarAsync(q.Length > 500 ? q[..500] : q, ct);
        return new JsonResult(hits.Select(h => new { title = h.Title, url = h.Url }));
    }
}
