using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Content;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Events;
using OpenGov.Web.Api;

namespace OpenGov.Web.Pages;

/// <summary>The home page: the current cycle and its phase, the latest news, the upcoming events and the plan's overall rate.</summary>
public sealed class IndexModel(DbContext db, ContentCatalogue content, EventCatalogue events, IPlanSummary plan, TimeProvider clock) : PageModel
{
    public sealed record CycleInfo(Guid Id, string Title, PhaseKind? Phase, DateTime? PhaseEndsAt);

    public CycleInfo? Cycle { get; private set; }
    public IReadOnlyList<ContentView> News { get; private set; } = [];
    public IReadOnlyList<EventSummary> Upcoming { get; private set; } = [];
    public PlanRate? Plan { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The current cycle: the one whose phases start latest.
        var cycle = await db.Set<Cycle>().AsNoTracking().Include(c => c.Phases)
            .OrderByDescending(c => c.Phases.Max(p => (DateTime?)p.StartsAt)).ThenByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (cycle is not null)
        {
            var phase = cycle.CurrentPhase(now);
            Cycle = new CycleInfo(cycle.Id, cycle.Title, phase?.Kind, phase?.EndsAt);
        }
        News = (await content.NewsAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, null, 3, ct)).Items;
        Upcoming = (await events.ListAsync(EventTimeFilter.Upcoming, now, null, null, 3, ct)).Items;
        Plan = await plan.CurrentAsync(ct);
    }
}
