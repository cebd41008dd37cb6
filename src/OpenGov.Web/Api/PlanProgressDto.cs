using OpenGov.SharedKernel.Text;
using OpenGov.Tracking.Plans;

namespace OpenGov.Web.Api;

/// <summary>
/// A plan's implementation progress in the API: rates unrounded on the 0–100 scale, computed from activities by the stated
/// rules; titles and names in fr/ar/en (null where not translated).
/// </summary>
public sealed record PlanProgressDto(double Overall, LocalizedTextDto Titles, IReadOnlyList<PlanAxisRateDto> Axes,
    IReadOnlyList<PlanCommitmentRateDto> Commitments)
{
    public static PlanProgressDto From(PlanProgress p) => new(p.Overall, LocalizedTextDto.From(p.TitleText),
        p.Axes.Select(a => new PlanAxisRateDto(a.NameFr, LocalizedTextDto.From(a.NameText), a.Rate)).ToList(),
        p.Commitments.Select(c => new PlanCommitmentRateDto(c.Number, c.Title, LocalizedTextDto.From(c.TitleText), p.AxisOf(c).NameFr, c.Rate)).ToList());
}
