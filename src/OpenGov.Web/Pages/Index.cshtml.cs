using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Content;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Events;
using OpenGov.Web.Api;
using OpenGov.Web.Infrastructure.Caching;

namespace OpenGov.Web.Pages;

/// <summary>The home page: the current cycle and its phase, the latest news, the upcoming events and the plan's overall rate.</summary>
[CachedPage("cycles", "content", "events", "plans")]
public sealed class IndexModel(CurrentCycle currentCycle, ContentCatalogue content, EventCatalogue events, IPlanSummary plan, TimeProvider clock) : PageModel
{
    public sealed record CycleInfo(Guid Id, OpenGov.SharedKernel.Text.LocalizedText Title, PhaseKind? Phase, DateOnly? PhaseLastDay);

    public CycleInfo? Cycle { get; private set; }
    public IReadOnlyList<ContentView> News { get; private set; } = [];
    public IReadOnlyList<EventSummary> Upcoming { get; private set; } = [];
    public PlanRate? Plan { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await currentCycle.SummaryAsync(ct) is { } cycle)
            Cycle = new CycleInfo(cycle.Id, cycle.TitleText, cycle.CurrentPhase, cycle.CurrentPhaseLastDay);
        News = (await content.NewsAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, null, 3, ct)).Items;
        Upcoming = (await events.ListAsync(EventTimeFilter.Upcoming, now, null, null, 3, ct)).Items;
        Plan = await plan.CurrentAsync(ct);
    }
}
