using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Events;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.Web.Pages.Events;

public sealed class IndexModel(EventCatalogue events, TimeProvider clock) : PageModel
{
    public KeysetPage<EventSummary> Events { get; private set; } = new([], null);
    public bool Past { get; private set; }
    public EventType? Type { get; private set; }

    public async Task OnGetAsync(bool past, EventType? type, string? cursor, CancellationToken ct)
    {
        Past = past;
        Type = type is not null && Enum.IsDefined(type.Value) ? type : null;
        Events = await events.ListAsync(past ? EventTimeFilter.Past : EventTimeFilter.Upcoming, clock.GetUtcNow().UtcDateTime, Type, cursor, 20, ct);
    }
}
