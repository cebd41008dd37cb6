using OpenGov.Web.Security;
using OpenGov.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Sheets;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Sheets;

[Authorize(Policy = Policies.AdministrationEditor)]
[EnableRateLimiting(RateLimits.Submit)]
public sealed class NewModel(SheetAccess access, SheetQueries queries, SheetEditing editing, UserManager<AppUser> users) : PageModel, IRedisplayPage
{
    public IReadOnlyList<AgencyRef> Agencies { get; private set; } = [];
    public IReadOnlyList<(Guid Id, OpenGov.SharedKernel.Text.LocalizedText Title)> Cycles { get; private set; } = [];

    [BindProperty] public Guid AgencyId { get; set; }
    [BindProperty] public Guid CycleId { get; set; }
    [BindProperty, SingleLine] public string? Title { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var userId = users.GetUserId(User)!;
        var id = await editing.CreateAsync(userId, AgencyId, CycleId, SheetContent.Empty(Title ?? ""));
        return Redirect($"/sheets/{id}/edit");
    }

    public async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Agencies = await access.AgenciesOfAsync(users.GetUserId(User)!);
        Cycles = await queries.CyclesAsync();
    }
}
