using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Sheets;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Caching;

namespace OpenGov.Web.Pages.Sheets;

[CachedPage("sheets", "cycles")]
public sealed class IndexModel(SheetQueries queries, SheetAccess access, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SheetListItem> Sheets { get; private set; } = [];
    public IReadOnlyList<AgencyRef> MyAgencies { get; private set; } = [];
    public IReadOnlyList<(Guid Id, OpenGov.SharedKernel.Text.LocalizedText Title)> Cycles { get; private set; } = [];
    public Guid? Cycle { get; private set; }
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(Guid? cycle)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Cycles = await queries.CyclesAsync();
        Cycle = cycle ?? await queries.DefaultCycleAsync();
        if (users.GetUserId(User) is { } userId) MyAgencies = await access.AgenciesOfAsync(userId);
        Sheets = await queries.ListAsync(Cycle, MyAgencies.Select(a => a.Id).ToList());
    }

    public ConsultationState State(SheetListItem s) => s.Version == 0 || s.OpensAt is null ? ConsultationState.NotScheduled
        : Now < s.OpensAt ? ConsultationState.Upcoming : Now < s.ClosesAt ? ConsultationState.Open : ConsultationState.Closed;
}
