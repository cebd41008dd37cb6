using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Events;
using OpenGov.SharedKernel;

namespace OpenGov.Web.Pages.Events.OpenGovWeek;

/// <summary>The public Open Gov Week programme: accepted events by day, filtered by region and theme.</summary>
public sealed class IndexModel(EventCatalogue events, CycleQueries lookups, SiteDates dates) : PageModel
{
    public IReadOnlyList<IGrouping<DateOnly, EventSummary>> Days { get; private set; } = [];
    public IReadOnlyList<AxisOption> Axes { get; private set; } = [];
    public string? Region { get; private set; }
    public Guid? Theme { get; private set; }

    public async Task OnGetAsync(string? region, Guid? theme, CancellationToken ct)
    {
        Region = Regions.IsValid(region) ? region : null;
        Theme = theme;
        Axes = (await lookups.CurrentCycleAxesAsync(ct)).Axes;
        var programme = await events.ProgrammeAsync(Region, Theme, ct);
        Days = programme.GroupBy(e => dates.Day(e.StartsAt)).OrderBy(g => g.Key).ToList();
    }
}
