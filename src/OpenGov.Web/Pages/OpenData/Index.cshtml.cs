using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.OpenData;
using OpenGov.Tracking.Plans;

namespace OpenGov.Web.Pages.OpenData;

/// <summary>The public repository OGP asks for: per-cycle dumps, the events, the API and the licence.</summary>
public sealed class IndexModel(ConsultationOpenData consultation, PlanOpenData plans) : PageModel
{
    /// <summary>The licence of every dataset and API response.</summary>
    public const string LicenceName = "Open Database License (ODbL) 1.0";
    public const string LicenceUrl = "https://opendatacommons.org/licenses/odbl/1-0/";

    public IReadOnlyList<CycleDto> Cycles { get; private set; } = [];

    public IReadOnlyList<PlanDto> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cycles = await consultation.CyclesAsync(ct);
        Plans = await plans.PlansAsync(ct);
    }
}
