using OpenGov.Consultation.Proposals;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Cycles;

namespace OpenGov.Web.Pages.Cycles;

public sealed class IndexModel(CycleOverview cycles) : PageModel
{
    public IReadOnlyList<CycleSummary> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Cycles = await cycles.ListAsync(ct: ct);
}
